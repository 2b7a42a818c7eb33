using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Status;

/// <summary>A segment became ploughed: when its passes had covered enough of it, and the vehicle whose pass completed that.</summary>
public sealed record SegmentCleared(RoadSegment Segment, DateTimeOffset At, string VehicleId);
