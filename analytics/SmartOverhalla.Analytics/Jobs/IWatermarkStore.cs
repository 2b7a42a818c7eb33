namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// How far each partition of a job has been computed: the end of the last completed window it has written. Durable and
/// shared by every analytics instance, so a restart, or a partition moving to another instance, resumes from it.
/// </summary>
internal interface IWatermarkStore
{
    /// <summary>The watermark of each partition of <paramref name="job"/> that has one.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(string job, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="partition"/> of <paramref name="job"/> is computed up to <paramref name="watermark"/>.</summary>
    Task WriteAsync(string job, string partition, DateTimeOffset watermark, CancellationToken cancellationToken);
}
