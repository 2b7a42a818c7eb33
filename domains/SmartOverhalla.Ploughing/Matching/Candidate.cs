namespace SmartOverhalla.Ploughing.Matching;

/// <summary>A road position a fix may belong to: a segment (by its index in the graph), metres along it, metres from the fix.</summary>
/// <param name="LogEmission">Log-likelihood of the fix given this position: GPS error and, when moving, heading.</param>
internal readonly record struct Candidate(int Segment, double OffsetMetres, double DistanceMetres, double LogEmission);
