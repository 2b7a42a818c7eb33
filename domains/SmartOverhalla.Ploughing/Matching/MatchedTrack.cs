namespace SmartOverhalla.Ploughing.Matching;

/// <summary>One vehicle's fixes in time order, each matched or not, and the legs along the roads between matched ones.</summary>
public sealed record MatchedTrack(IReadOnlyList<MatchedPoint> Points, IReadOnlyList<TrackLeg> Legs)
{
    public static MatchedTrack Empty { get; } = new([], []);
}
