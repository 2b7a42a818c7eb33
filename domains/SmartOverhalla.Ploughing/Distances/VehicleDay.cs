namespace SmartOverhalla.Ploughing.Distances;

/// <summary>What one vehicle drove on one local day (Europe/Oslo): metres with the plough down and in transport, as contractors are paid.</summary>
public sealed record VehicleDay(string VehicleId, DateOnly Day, double PloughDownMetres, double TransportMetres);
