namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Decides each light's desired level: zone profiles, overrides and cross-domain rules.</summary>
internal interface ILightingPolicy
{
    /// <summary>The desired level of <paramref name="lightId"/> at <paramref name="now"/>; null when no rule covers the light (it is left alone).</summary>
    LightDecision? Decide(string municipality, string lightId, DateTimeOffset now);
}
