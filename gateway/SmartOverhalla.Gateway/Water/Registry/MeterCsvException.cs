namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>A meter CSV file refused: <see cref="Line"/> (1-based, the header is line 1) and what is wrong there.</summary>
internal sealed class MeterCsvException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
