namespace SmartOverhalla.Testing.Servers;

/// <summary>Locates a server program installed from Debian's packages, or says clearly what is missing.</summary>
internal static class ServerBinary
{
    public static string Find(string name, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]);
        foreach (var dir in candidates)
        {
            var file = Path.Combine(dir, name);
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' was not found. The tests need a real {package} server: run deploy/install.sh " +
            $"(installs the Debian package '{package}'), or point the tests at a running one with the environment variables in tests/README.md.");
    }
}
