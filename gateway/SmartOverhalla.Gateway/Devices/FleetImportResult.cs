namespace SmartOverhalla.Gateway.Devices;

/// <summary>What a fleet import did: how many devices it registered, how many it switched to or from a DevEUI, and the listed devices it could not take as listed.</summary>
internal sealed record FleetImportResult(int Added, int Changed, IReadOnlyList<FleetImportConflict> Conflicts);
