namespace SmartOverhalla.ServiceDefaults.Secrets;

/// <summary>Placeholder options whose start-up validation runs the secrets check (<see cref="SecretsStartupCheck"/>).</summary>
public sealed class SecretsCheckOptions;
