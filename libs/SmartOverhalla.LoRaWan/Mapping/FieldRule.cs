using SmartOverhalla.Contracts.Catalog;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>
/// How one contract field is filled: from a decoded field (<see cref="From"/>, a dotted path; numbers as
/// <c>value × Scale + Offset</c>, e.g. m³ to litres with scale 1000), with <see cref="DefaultJson"/> when the decoded
/// field is absent, or a constant (<see cref="ConstantJson"/>) for a value the device does not report.
/// </summary>
/// <param name="ConstantJson">A JSON literal of the target's shape, or null.</param>
/// <param name="DefaultJson">A JSON literal of the target's shape used when <see cref="From"/> is absent or null, or null.</param>
public sealed record FieldRule(ContractField Target, string? From, double Scale, double Offset, string? ConstantJson, string? DefaultJson);
