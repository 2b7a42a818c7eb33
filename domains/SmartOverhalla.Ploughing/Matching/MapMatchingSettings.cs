namespace SmartOverhalla.Ploughing.Matching;

/// <summary>
/// The parameters of the hidden Markov model that <see cref="MapMatcher"/> uses (Newson and Krumm, "Hidden Markov Map
/// Matching Through Noise and Sparseness", 2009): how far GPS may be off, how much heading counts, how much a route along
/// the roads may differ from the straight line between two fixes, and when a track is cut into separate pieces.
/// </summary>
public sealed record MapMatchingSettings
{
    /// <summary>GPS error (standard deviation, metres) assumed at best, also without an HDOP.</summary>
    public double MinGpsSigmaMetres { get; init; } = 5;

    /// <summary>GPS error per unit of HDOP (a receiver's user equivalent range error), metres.</summary>
    public double GpsSigmaPerHdopMetres { get; init; } = 4;

    /// <summary>A fix with a larger HDOP says little about where the vehicle is (receivers send 99.9 without a fix): unmatched.</summary>
    public double MaxHdop { get; init; } = 20;

    /// <summary>Roads farther than this from a fix (or four times its GPS error, if more) are no candidates for it.</summary>
    public double SearchRadiusMetres { get; init; } = 50;

    /// <summary>At most this many candidate segments per fix, the nearest.</summary>
    public int MaxCandidates { get; init; } = 8;

    /// <summary>
    /// How much the reported heading may differ from the road's direction (standard deviation, degrees). Roads are
    /// driven both ways, so only the angle to the road's line counts.
    /// </summary>
    public double HeadingSigmaDegrees { get; init; } = 30;

    /// <summary>Below this speed the heading is GPS noise and is not used.</summary>
    public double MinSpeedForHeadingKmh { get; init; } = 5;

    /// <summary>
    /// Scale (metres) of the exponential distribution of |route along the roads − straight line| between two fixes: the
    /// smaller, the more a roundabout way between two fixes counts against a candidate pair.
    /// </summary>
    public double RouteDifferenceBetaMetres { get; init; } = 15;

    /// <summary>No plough drives faster: a route that would need more is impossible.</summary>
    public double MaxSpeedKmh { get; init; } = 110;

    /// <summary>
    /// Between two fixes a vehicle may have driven up to this many times the higher of their reported speeds, plus
    /// <see cref="SpeedMarginKmh"/>: a fix farther off is a glitch.
    /// </summary>
    public double SpeedMarginFactor { get; init; } = 1.3;

    /// <summary>See <see cref="SpeedMarginFactor"/>; also what a vehicle reporting 0 km/h may have moved at.</summary>
    public double SpeedMarginKmh { get; init; } = 15;

    /// <summary>A longer silence between two fixes cuts the track: what happened in between is not guessed.</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// More consecutive unmatched fixes (off the network, out of reach, too imprecise) than this cut the track; fewer are
    /// taken as GPS glitches and the track goes on across them.
    /// </summary>
    public int MaxOffNetworkFixes { get; init; } = 2;

    public static MapMatchingSettings Default { get; } = new();

    /// <summary>Throws when a value is out of its range.</summary>
    public MapMatchingSettings Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinGpsSigmaMetres, 0, nameof(MinGpsSigmaMetres));
        ArgumentOutOfRangeException.ThrowIfNegative(GpsSigmaPerHdopMetres, nameof(GpsSigmaPerHdopMetres));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxHdop, 0, nameof(MaxHdop));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SearchRadiusMetres, 0, nameof(SearchRadiusMetres));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1, nameof(MaxCandidates));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeadingSigmaDegrees, 0, nameof(HeadingSigmaDegrees));
        ArgumentOutOfRangeException.ThrowIfNegative(MinSpeedForHeadingKmh, nameof(MinSpeedForHeadingKmh));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RouteDifferenceBetaMetres, 0, nameof(RouteDifferenceBetaMetres));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxSpeedKmh, 0, nameof(MaxSpeedKmh));
        ArgumentOutOfRangeException.ThrowIfLessThan(SpeedMarginFactor, 1, nameof(SpeedMarginFactor));
        ArgumentOutOfRangeException.ThrowIfNegative(SpeedMarginKmh, nameof(SpeedMarginKmh));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxGap, TimeSpan.Zero, nameof(MaxGap));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxOffNetworkFixes, nameof(MaxOffNetworkFixes));
        return this;
    }
}
