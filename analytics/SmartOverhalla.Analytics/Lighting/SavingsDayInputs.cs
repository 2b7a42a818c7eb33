using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>What every zone's savings of one local day share: the lights with readings that day, and their readings at 100 %.</summary>
internal sealed record SavingsDayInputs(IReadOnlyList<string> Lights, IReadOnlyDictionary<string, FullPowerObservation> FullPower);
