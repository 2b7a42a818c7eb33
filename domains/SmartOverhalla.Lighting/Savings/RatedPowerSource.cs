namespace SmartOverhalla.Lighting.Savings;

/// <summary>Where a light's power at 100 % came from (stored with each light's day, so a baseline can be questioned).</summary>
public enum RatedPowerSource
{
    /// <summary>The median of its own readings at 100 % with the lamp on.</summary>
    Learned,

    /// <summary>Its zone's <c>Lighting:Savings:ZoneRatedPowerW</c> entry.</summary>
    Zone,

    /// <summary><c>Lighting:Savings:DefaultRatedPowerW</c>.</summary>
    Default,
}
