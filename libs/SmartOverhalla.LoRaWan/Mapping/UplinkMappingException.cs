namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>A mapping file that cannot be used, with every problem found in it.</summary>
public sealed class UplinkMappingException : Exception
{
    public UplinkMappingException(string source, IReadOnlyList<MappingProblem> problems)
        : base(FormatMessage(source, problems))
    {
        Problems = problems;
    }

    public UplinkMappingException()
        : this("mapping file", [])
    {
    }

    public UplinkMappingException(string message)
        : base(message)
    {
        Problems = [];
    }

    public UplinkMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<MappingProblem> Problems { get; }

    private static string FormatMessage(string source, IReadOnlyList<MappingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var header = problems.Count == 1
            ? $"The LoRaWAN mapping file {source} has 1 problem:"
            : $"The LoRaWAN mapping file {source} has {problems.Count} problems:";
        return string.Join(Environment.NewLine, problems.Select(problem => $"  - {problem}").Prepend(header));
    }
}
