namespace SmartOverhalla.Testing.Servers;

/// <summary>Fills the project's own server config templates (deploy/), so tests run the config that ships.</summary>
internal static class ConfigTemplate
{
    public static string Render(string relativePath, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine(relativePath.Split('/')));
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
