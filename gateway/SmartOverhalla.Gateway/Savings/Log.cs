namespace SmartOverhalla.Gateway.Savings;

/// <summary>The savings component's log catalogue (event ids 3000–3099): dates, counts and totals only.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Savings of {Municipality} on {Date}: {Lights} lights in {Zones} zones, {SavedKWh:0.###} kWh saved")]
    public static partial void DayComputed(ILogger logger, string municipality, DateOnly date, int lights, int zones, double savedKWh);

    [LoggerMessage(3002, LogLevel.Debug, "Savings of {Municipality} for the month of {Month}: {Zones} zone rows rewritten")]
    public static partial void MonthWritten(ILogger logger, string municipality, DateOnly month, int zones);

    [LoggerMessage(3003, LogLevel.Information, "No street-light telemetry of {Municipality} on {Date}; no savings rows for that day")]
    public static partial void NoTelemetry(ILogger logger, string municipality, DateOnly date);

    [LoggerMessage(3004, LogLevel.Warning, "Savings could not be computed now ({Reason}); trying again in {Interval}")]
    public static partial void RunFailed(ILogger logger, string reason, TimeSpan interval);

    [LoggerMessage(3005, LogLevel.Error, "Savings run failed; trying again in {Interval}")]
    public static partial void RunError(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(3006, LogLevel.Information, "Savings series off: {Reason}")]
    public static partial void Off(ILogger logger, string reason);

    [LoggerMessage(3007, LogLevel.Information, "Computing savings of {Municipality} for {Count} days from {First} to {Last}")]
    public static partial void Computing(ILogger logger, string municipality, int count, DateOnly first, DateOnly last);
}
