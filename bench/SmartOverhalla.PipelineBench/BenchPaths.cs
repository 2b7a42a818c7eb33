using System.Reflection;

namespace SmartOverhalla.PipelineBench;

/// <summary>Where the programs the benchmark starts are built (Release build beside this one).</summary>
internal static class BenchPaths
{
    /// <summary>The worker's build; <c>PIPELINEBENCH_INGESTION_DLL</c> names another (e.g. an older build, to compare).</summary>
    public static string IngestionDll => Environment.GetEnvironmentVariable("PIPELINEBENCH_INGESTION_DLL") is { Length: > 0 } other ? other : Metadata("IngestionDll");

    public static string GatewayDll => Metadata("GatewayDll");

    public static string NodeRedFolder => Metadata("NodeRedFolder");

    /// <summary>This program's own dll, started again as the publisher process.</summary>
    public static string BenchDll => typeof(BenchPaths).Assembly.Location;

    private static string Metadata(string key) =>
        typeof(BenchPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
