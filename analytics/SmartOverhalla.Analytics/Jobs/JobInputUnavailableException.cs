namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// What a job needs from outside InfluxDB (the water jobs' meter directory, from the gateway) cannot be had now: the run
/// computes nothing, advances no watermark and is tried again at the next interval. The message says what failed and
/// where, for the log; it never carries personal data.
/// </summary>
internal sealed class JobInputUnavailableException : Exception
{
    public JobInputUnavailableException()
    {
    }

    public JobInputUnavailableException(string message)
        : base(message)
    {
    }

    public JobInputUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
