using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOverhalla.Influx;
using SmartOverhalla.Mqtt;
using SmartOverhalla.OptionsValidation;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators;

/// <summary>Adds the device simulators to a host.</summary>
public static class SimulatorsHostingExtensions
{
    /// <summary>Section of the MQTT connection settings (<see cref="MqttConnectionOptions"/>).</summary>
    public const string MqttSectionName = "Mqtt";

    /// <summary>
    /// Simulates the fleet configured in section <c>Simulators</c> (<see cref="SimulatorOptions"/>)
    /// against the broker of section <c>Mqtt</c>; both are validated at start. A backfill writes into the InfluxDB of
    /// section <c>InfluxDb</c> (<see cref="InfluxOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddSimulators(this IHostApplicationBuilder builder) =>
        AddSimulatorsCore(builder, configureSimulators: null, configureMqtt: null);

    /// <summary>As <see cref="AddSimulators(IHostApplicationBuilder)"/>, then adjusts the options in code (tests, tools).</summary>
    public static IHostApplicationBuilder AddSimulators(
        this IHostApplicationBuilder builder,
        Action<SimulatorOptions> configureSimulators,
        Action<MqttConnectionOptions>? configureMqtt = null)
    {
        ArgumentNullException.ThrowIfNull(configureSimulators);
        return AddSimulatorsCore(builder, configureSimulators, configureMqtt);
    }

    private static IHostApplicationBuilder AddSimulatorsCore(
        IHostApplicationBuilder builder,
        Action<SimulatorOptions>? configureSimulators,
        Action<MqttConnectionOptions>? configureMqtt)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        var simulators = services.AddValidatedOptions<SimulatorOptions, SimulatorOptionsValidator>(builder.Configuration.GetSection(SimulatorOptions.SectionName));
        if (configureSimulators is not null)
        {
            simulators.Configure(configureSimulators);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsHostChecks>());

        var mqtt = services.AddValidatedOptions<MqttConnectionOptions, MqttConnectionOptionsValidator>(builder.Configuration.GetSection(MqttSectionName));
        if (configureMqtt is not null)
        {
            mqtt.Configure(configureMqtt);
        }

        services.AddInfluxDb(builder.Configuration.GetSection(InfluxOptions.SectionName));
        services.TryAddSingleton<WaterBackfill>();
        services.TryAddSingleton<SimulatorRunOutcome>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SimulatorMetrics>();
        services.AddHostedService<SimulationService>();
        return builder;
    }
}
