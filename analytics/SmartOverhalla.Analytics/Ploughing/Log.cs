using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>The ploughing job's log catalogue (event ids 5300–5349): vehicle ids, windows and totals; never a driver.</summary>
internal static partial class Log
{
    [LoggerMessage(5301, LogLevel.Warning, "No road network configured (Ploughing:RoadNetworkFile): ploughs are matched to the SYNTHETIC network around Overhalla ({Segments} segments), not to real roads")]
    public static partial void SyntheticRoadNetwork(ILogger logger, int segments);

    [LoggerMessage(5302, LogLevel.Information, "Road network {File}: {Segments} segments, {Km:0.#} km")]
    public static partial void RoadNetworkLoaded(ILogger logger, string file, int segments, double km);

    [LoggerMessage(5303, LogLevel.Debug, "Plough {Vehicle} in {Start:O}–{End:O}: {Fixes} fixes ({Unmatched} off the network), {Passes} passes, {PloughDownKm:0.###} km plough down, {TransportKm:0.###} km in transport")]
    public static partial void VehicleMatched(ILogger logger, string vehicle, DateTimeOffset start, DateTimeOffset end, int fixes, int unmatched, int passes, double ploughDownKm, double transportKm);

    [LoggerMessage(5304, LogLevel.Debug, "Road status of {Municipality} in {Start:O}–{End:O}: {Segments} segments ploughed")]
    public static partial void SegmentsCleared(ILogger logger, string municipality, DateTimeOffset start, DateTimeOffset end, int segments);
}
