namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>One problem in the mapping file: where (profile, field) and what is wrong.</summary>
public sealed record MappingProblem(string Where, string Problem)
{
    public override string ToString() => $"{Where}: {Problem}";
}
