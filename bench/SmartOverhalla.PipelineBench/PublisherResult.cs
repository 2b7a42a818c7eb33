namespace SmartOverhalla.PipelineBench;

/// <summary>What a publisher process reports on its last line of output (JSON): when it published and how much.</summary>
internal sealed record PublisherResult(long FirstPublishUnixMs, long LastAckUnixMs, int Published, int Failed, double CpuSeconds)
{
    public double MessagesPerSecond => Published * 1000.0 / Math.Max(1, LastAckUnixMs - FirstPublishUnixMs);

    public const string Marker = "RESULT ";
}
