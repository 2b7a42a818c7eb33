namespace SmartOverhalla.Analytics.Jobs;

/// <summary>A half-open range of event time [<see cref="Start"/>, <see cref="End"/>) that one run of a job computes.</summary>
internal readonly record struct JobWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public override string ToString() => $"{Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}/{End.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}
