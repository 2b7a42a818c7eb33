using SmartOverhalla.Gateway.Lighting;

namespace SmartOverhalla.LightingBench;

/// <summary>Every light of the bench's municipality at one level, set when the bench decides the step.</summary>
internal sealed class StepPolicy(string municipality) : ILightingPolicy
{
    private volatile LightDecision? _decision;

    public void Set(int level) => _decision = new LightDecision(level, "bench step", "bench");

    public LightDecision? Decide(string lightMunicipality, string lightId, DateTimeOffset now) =>
        lightMunicipality == municipality ? _decision : null;
}
