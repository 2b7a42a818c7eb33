using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Analytics.Water;

/// <summary>The water jobs' log catalogue (event ids 5200–5249): meter ids, districts, dates and totals, never an address.</summary>
internal static partial class Log
{
    [LoggerMessage(5201, LogLevel.Debug, "Water meter directory of {Municipality}: {Meters} meters in {Districts} districts ({Skipped} entries left out)")]
    public static partial void DirectoryFetched(ILogger logger, string municipality, int meters, int districts, int skipped);

    [LoggerMessage(5202, LogLevel.Debug, "Water consumption of {Municipality}, district {District}, on {Date:O}: no readings")]
    public static partial void NoReadings(ILogger logger, string municipality, string district, DateOnly date);

    [LoggerMessage(5203, LogLevel.Information, "Water consumption of {Municipality}, district {District}, on {Date:O}: {Meters} household meters, {Litres:0.#} L; losses {LossesL:0.#} L")]
    public static partial void DayComputed(ILogger logger, string municipality, string district, DateOnly date, int meters, double litres, double? lossesL);

    [LoggerMessage(5204, LogLevel.Information, "Night flow of {Municipality}, district {District}, on {Date:O}: {TonightLph:0.#} L/h against a baseline of {BaselineLph:0.#} L/h: alert")]
    public static partial void NightFlowRise(ILogger logger, string municipality, string district, DateOnly date, double tonightLph, double baselineLph);

    [LoggerMessage(5205, LogLevel.Information, "Water leaks of {Municipality}, district {District}, up to {AsOf:O}: {Meters} meters read, {Ongoing} ongoing suspicions, {Ended} ended, {Stale} stale removed")]
    public static partial void LeaksComputed(ILogger logger, string municipality, string district, DateTimeOffset asOf, int meters, int ongoing, int ended, int stale);
}
