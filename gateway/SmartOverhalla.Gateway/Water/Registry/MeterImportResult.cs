namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>What an import or a single change did: meters added, meters whose entry changed (the old one kept as retired), meters already as listed.</summary>
internal sealed record MeterImportResult(int Added, int Changed, int Unchanged);
