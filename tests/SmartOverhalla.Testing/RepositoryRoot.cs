namespace SmartOverhalla.Testing;

/// <summary>Finds the repository root (the folder holding SmartOverhalla.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SmartOverhalla.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SmartOverhalla.sln not found above {AppContext.BaseDirectory}.");
    }
}
