using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>The lighting jobs' log catalogue (event ids 5100–5149): dates, counts and totals only.</summary>
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "Savings of {Municipality}, zone {Zone}, on {Date:O}: {Lights} lights, {SavedKWh:0.###} kWh saved")]
    public static partial void DayComputed(ILogger logger, string municipality, string zone, DateOnly date, int lights, double savedKWh);

    [LoggerMessage(5102, LogLevel.Debug, "No street-light telemetry of {Municipality}, zone {Zone}, on {Date:O}; no savings rows for that day")]
    public static partial void NoTelemetry(ILogger logger, string municipality, string zone, DateOnly date);
}
