using SmartOverhalla.Gateway.Lighting;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>A policy the test sets by hand: every light of the municipality at one level (pure logic stand-in for zone profiles).</summary>
internal sealed class SettablePolicy(string municipality) : ILightingPolicy
{
    private volatile LightDecision? _decision;

    public void Set(int level) => _decision = new LightDecision(level, "test step", "zone-test");

    public LightDecision? Decide(string lightMunicipality, string lightId, DateTimeOffset now) =>
        lightMunicipality == municipality ? _decision : null;
}
