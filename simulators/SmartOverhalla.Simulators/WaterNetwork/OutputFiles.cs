namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>The simulator's output files (registry, ground truth): their folder is created when missing.</summary>
internal static class OutputFiles
{
    public static void CreateDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
