namespace SmartOverhalla.Contracts.Alerts;

/// <summary>The platform's domains, as <see cref="AlertDefinition.Domain"/> names them.</summary>
public static class AlertDomains
{
    public const string Lighting = "lighting";

    public const string Water = "water";

    public const string Ploughing = "ploughing";
}
