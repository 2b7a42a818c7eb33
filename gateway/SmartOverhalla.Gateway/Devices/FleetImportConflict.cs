namespace SmartOverhalla.Gateway.Devices;

/// <summary>A listed device the import left out, or a registered one whose listed DevEUI differs from the registry's.</summary>
internal sealed record FleetImportConflict(FleetEntry Entry, string Reason);
