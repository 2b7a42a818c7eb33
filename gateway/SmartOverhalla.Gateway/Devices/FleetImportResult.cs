namespace SmartOverhalla.Gateway.Devices;

/// <summary>What a fleet import did: how many devices it registered, and the listed devices it could not take as listed.</summary>
internal sealed record FleetImportResult(int Added, IReadOnlyList<FleetImportConflict> Conflicts);
