using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class SimulatorStartupTests
{
    [Fact]
    public async Task A_host_with_an_invalid_municipality_and_a_negative_count_refuses_to_start_with_a_clear_error()
    {
        // Given a host configured with a bad slug and a negative count
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(options =>
        {
            options.Municipality = "Over Halla";
            options.Watermeters = -1;
        });
        using var host = builder.Build();

        // When it starts
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // Then the error names both settings and what is wrong with them
        Assert.Contains(error.Failures, f => f.Contains("Municipality 'Over Halla' is not a valid slug", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Watermeters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_with_an_invalid_broker_port_refuses_to_start()
    {
        // Given
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(_ => { }, mqtt => mqtt.Port = 0);
        using var host = builder.Build();

        // When / Then
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.Failures, f => f.Contains("Port", StringComparison.Ordinal));
    }
}
