using System.Text.Json.Serialization;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>Source-generated JSON of the ground truth: camelCase, indented, nulls written (an open leak's <c>end</c> is null).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(GroundTruth))]
internal sealed partial class GroundTruthJsonContext : JsonSerializerContext;
