namespace SmartOverhalla.Lighting.Configuration;

/// <summary>A zone file that cannot be used, with every problem found in it.</summary>
public sealed class ZoneConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> (usually the file path).</summary>
    public ZoneConfigurationException(string source, IReadOnlyList<ConfigurationProblem> problems)
        : base(FormatMessage(source, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ZoneConfigurationException()
        : this("zone file", [])
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ZoneConfigurationException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a plain message and a cause.</summary>
    public ZoneConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string FormatMessage(string source, IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var header = problems.Count == 1
            ? $"The lighting zone file {source} has 1 problem:"
            : $"The lighting zone file {source} has {problems.Count} problems:";
        return string.Join(Environment.NewLine, problems.Select(problem => $"  - {problem}").Prepend(header));
    }
}
