namespace SmartOverhalla.Ploughing.Status;

/// <summary>When passes make a segment ploughed.</summary>
public sealed record ClearingRules
{
    /// <summary>Share of a segment's length its passes must cover (gaps at junctions and turns are normal).</summary>
    public double PloughedShare { get; init; } = 0.8;

    /// <summary>
    /// Passes this close together count together (two ploughs meeting halfway, or one doing a segment in two runs);
    /// passes further apart are separate clearings.
    /// </summary>
    public TimeSpan CombineWithin { get; init; } = TimeSpan.FromHours(2);

    public static ClearingRules Default { get; } = new();

    /// <summary>Throws when a value is out of its range.</summary>
    public ClearingRules Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PloughedShare, 0, nameof(PloughedShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PloughedShare, 1, nameof(PloughedShare));
        ArgumentOutOfRangeException.ThrowIfLessThan(CombineWithin, TimeSpan.Zero, nameof(CombineWithin));
        return this;
    }
}
