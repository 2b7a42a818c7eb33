namespace SmartOverhalla.Ploughing.Matching;

/// <summary>
/// The way along the roads between two consecutive matched fixes of one unbroken piece of a track (indexes into
/// <see cref="MatchedTrack.Points"/>); fixes off the network between them, if any, were glitches.
/// </summary>
/// <param name="From">Index of the first fix.</param>
/// <param name="To">Index of the second fix.</param>
/// <param name="Pieces">The stretches of segments driven, in order.</param>
public sealed record TrackLeg(int From, int To, IReadOnlyList<RoutePiece> Pieces)
{
    public double RouteMetres => Pieces.Sum(p => p.LengthMetres);
}
