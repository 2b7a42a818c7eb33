using System.Collections.Immutable;

namespace SmartOverhalla.Contracts.Catalog;

/// <summary>
/// One leaf field of a contract message, for code outside the contracts that builds contract messages from other
/// shapes (e.g. a LoRaWAN uplink mapping): its dotted path, shape, whether it is required and its limits. Read from
/// the message catalogue, so it never disagrees with the validator.
/// </summary>
/// <param name="Path">Dotted path, e.g. <c>volumeL</c> or <c>alarms.leak</c>.</param>
public sealed record ContractField(
    string Path,
    ContractFieldShape Shape,
    bool Required,
    double? Minimum,
    double? Maximum,
    ImmutableArray<string> AllowedValues,
    bool IsDeviceId,
    bool IsDeviceTime);
