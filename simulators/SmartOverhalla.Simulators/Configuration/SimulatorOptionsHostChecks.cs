using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// The <c>Simulators</c> section's rule that depends on the host: outside Development, LoRaWAN devices need the
/// network server's password, since no broker there admits anonymous clients (an empty one is only for an anonymous
/// Development broker). Writing the fleet or registry files, or a backfill, connects to no broker and needs none.
/// </summary>
internal sealed class SimulatorOptionsHostChecks(IHostEnvironment environment) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulating = string.IsNullOrWhiteSpace(options.WriteFleetFile)
            && string.IsNullOrWhiteSpace(options.Water?.RegistryFile)
            && options.Backfill?.Enabled != true;
        var (lights, meters) = options.LoRaWan?.RequestedCounts() ?? (0, 0);
        return simulating && lights + meters > 0 && string.IsNullOrEmpty(options.NetworkServer?.Password) && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(
                $"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.NetworkServer)}:{nameof(NetworkServerOptions.Password)} is empty, but "
                + $"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.LoRaWan)}:{nameof(LoRaWanOptions.Network)} asks for LoRaWAN devices: set "
                + "Simulators__NetworkServer__Password to the broker's network-server account (only Development may use an anonymous broker).")
            : ValidateOptionsResult.Success;
    }
}
