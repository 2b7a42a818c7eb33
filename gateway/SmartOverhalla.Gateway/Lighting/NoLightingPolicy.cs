namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Leaves every light alone: the policy in force until zone profiles are configured.</summary>
internal sealed class NoLightingPolicy : ILightingPolicy
{
    public LightDecision? Decide(string municipality, string lightId, DateTimeOffset now) => null;
}
