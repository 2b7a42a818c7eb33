using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// The command line: each switch sets one configuration key (<c>--streetlights 50</c> is
/// <c>Simulators:Streetlights=50</c>), so the command line, <c>appsettings.json</c> and environment
/// variables (<c>Simulators__Streetlights=50</c>) describe the same options. Only switches actually
/// given override the other sources.
/// </summary>
internal static class SimulatorCommandLine
{
    /// <summary>Exit code when the options do not validate (2, as for a usage error).</summary>
    public const int InvalidConfigurationExitCode = 2;

    private const string SimulatorsSection = SimulatorOptions.SectionName + ":";
    private const string MqttSection = SimulatorsHostingExtensions.MqttSectionName + ":";
    private const string FaultsSection = SimulatorsSection + nameof(SimulatorOptions.StreetlightFaults) + ":";

    /// <summary>
    /// Builds the root command; when invoked without <c>--help</c>, it calls <paramref name="run"/> with
    /// the configuration keys the switches set.
    /// </summary>
    public static RootCommand Create(Func<IReadOnlyDictionary<string, string?>, CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = new RootCommand(
            "Simulates SmartOverhalla street lights, water meters and snowploughs, each with its own MQTT connection. "
            + "Every switch can also be set in appsettings.json or as an environment variable (section 'Simulators', "
            + "and 'Mqtt' for the broker, e.g. Mqtt__Password, which has no switch so it never shows in a process list).");

        List<Switch> switches =
        [
            Switch.For<int>("--streetlights", $"Number of street lights, 0-{SimulatorOptions.MaxDevicesPerKind} (default {SimulatorOptions.DefaultStreetlights}).", SimulatorsSection + nameof(SimulatorOptions.Streetlights)),
            Switch.For<int>("--watermeters", $"Number of water meters, 0-{SimulatorOptions.MaxDevicesPerKind} (default {SimulatorOptions.DefaultWatermeters}).", SimulatorsSection + nameof(SimulatorOptions.Watermeters)),
            Switch.For<int>("--ploughs", $"Number of snowploughs, 0-{SimulatorOptions.MaxDevicesPerKind} (default {SimulatorOptions.DefaultPloughs}).", SimulatorsSection + nameof(SimulatorOptions.Ploughs)),
            Switch.For<string>("--municipality", $"Municipality slug of the devices (default {SimulatorOptions.DefaultMunicipality}).", SimulatorsSection + nameof(SimulatorOptions.Municipality)),
            Switch.For<string>("--device-id-prefix", $"Start of each device id and MQTT client id, e.g. 'sim' gives sim-light-0001 (default {SimulatorOptions.DefaultDeviceIdPrefix}).", SimulatorsSection + nameof(SimulatorOptions.DeviceIdPrefix)),
            Switch.For<int>("--seed", $"Seed of the device models: the same seed gives the same values (default {SimulatorOptions.DefaultSeed}).", SimulatorsSection + nameof(SimulatorOptions.Seed)),
            Switch.For<TimeSpan>("--streetlight-interval", $"Time between two messages of a street light, hh:mm:ss (default {SimulatorOptions.DefaultStreetlightInterval:c}).", SimulatorsSection + nameof(SimulatorOptions.StreetlightInterval)),
            Switch.For<TimeSpan>("--watermeter-interval", $"Time between two messages of a water meter (default {SimulatorOptions.DefaultWatermeterInterval:c}).", SimulatorsSection + nameof(SimulatorOptions.WatermeterInterval)),
            Switch.For<TimeSpan>("--plough-interval", $"Time between two GPS fixes of a plough (default {SimulatorOptions.DefaultPloughInterval:c}).", SimulatorsSection + nameof(SimulatorOptions.PloughInterval)),
            Switch.For<int>("--messages-per-device", "Stop each device after this many telemetry messages; the program exits when all have (default: run until Ctrl-C).", SimulatorsSection + nameof(SimulatorOptions.MessagesPerDevice)),
            Switch.For<int>("--connect-parallelism", $"Devices connecting at the same moment (default {SimulatorOptions.DefaultConnectParallelism}).", SimulatorsSection + nameof(SimulatorOptions.ConnectParallelism)),
            Switch.For<TimeSpan>("--summary-interval", $"Time between two summary log lines (default {SimulatorOptions.DefaultSummaryInterval:c}).", SimulatorsSection + nameof(SimulatorOptions.SummaryInterval)),
            Switch.For<TimeSpan>("--command-silence-fallback", $"A street light that has applied no command for this long returns to its local schedule; 0 = never (default {SimulatorOptions.DefaultCommandSilenceFallback:c}).", SimulatorsSection + nameof(SimulatorOptions.CommandSilenceFallback)),
            .. FaultSwitches("lamp-failure", nameof(StreetlightFaultOptions.LampFailure), "a lamp that does not light (about 0 W, lampOn false, one lampFailure event)"),
            .. FaultSwitches("driver-fault", nameof(StreetlightFaultOptions.DriverFault), "a driver that ignores dimming (full power at any level, one driverFault event)"),
            .. FaultSwitches("never-ack", nameof(StreetlightFaultOptions.NeverAck), "applying commands but never acking them"),
            .. FaultSwitches("slow-ack", nameof(StreetlightFaultOptions.SlowAck), "acking commands only after --slow-ack-delay"),
            Switch.For<TimeSpan>("--slow-ack-delay", $"How late slow-acking lights ack (default {StreetlightFaultOptions.DefaultSlowAckDelay:c}).", FaultsSection + nameof(StreetlightFaultOptions.SlowAckDelay)),
            Switch.For<string>("--mqtt-host", $"MQTT broker host (default {MqttConnectionOptions.DefaultHost}).", MqttSection + nameof(MqttConnectionOptions.Host)),
            Switch.For<int>("--mqtt-port", $"MQTT broker port (default {MqttConnectionOptions.DefaultPort}).", MqttSection + nameof(MqttConnectionOptions.Port)),
            Switch.For<string>("--mqtt-username", "MQTT user name of every device (default: anonymous); the password comes from Mqtt__Password. With a fleet key (Simulators__FleetKey) each device logs in as itself instead.", MqttSection + nameof(MqttConnectionOptions.Username)),
            Switch.For<string>("--write-fleet", "Write the fleet as the gateway's device import list (Devices:ImportFile) to this file, and exit.", SimulatorsSection + nameof(SimulatorOptions.WriteFleetFile)),
            Switch.For<TimeSpan>("--reconnect-delay", $"Time between two connection attempts of a device (default {new MqttConnectionOptions().ReconnectDelay:c}).", MqttSection + nameof(MqttConnectionOptions.ReconnectDelay)),
        ];

        foreach (var item in switches)
        {
            root.Options.Add(item.Option);
        }

        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in switches)
            {
                if (parseResult.GetResult(item.Option) is { Implicit: false })
                {
                    foreach (var (key, value) in item.ReadValues(parseResult))
                    {
                        settings[key] = value;
                    }
                }
            }

            try
            {
                await run(settings, cancellationToken);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                // A clear message instead of a stack trace: the user mistyped an option.
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"Invalid configuration: {string.Join(" ", ex.Failures)}");
                return InvalidConfigurationExitCode;
            }
        });
        return root;
    }

    /// <summary>The two switches of one street-light fault: a fraction of the lights, and lights by id.</summary>
    private static Switch[] FaultSwitches(string name, string setting, string what) =>
    [
        Switch.For<double>($"--{name}-fraction", $"Share of the street lights, 0-1, picked with the seed, simulating {what} (default 0).", FaultsSection + setting + ":" + nameof(FaultSelection.Fraction)),
        Switch.ForList($"--{name}-devices", $"Street lights by id (comma-separated or repeated), simulating {what}.", FaultsSection + setting + ":" + nameof(FaultSelection.Devices)),
    ];

    /// <summary>One switch and the configuration keys it sets.</summary>
    private sealed record Switch(Option Option, Func<ParseResult, IEnumerable<KeyValuePair<string, string?>>> ReadValues)
    {
        public static Switch For<T>(string name, string description, string key)
        {
            var option = new Option<T>(name) { Description = description };
            return new Switch(option, parseResult => [new(key, ToConfigurationValue(parseResult.GetValue(option)))]);
        }

        /// <summary>A list setting: configuration binds arrays from the keys <c>key:0</c>, <c>key:1</c>, ….</summary>
        public static Switch ForList(string name, string description, string key)
        {
            var option = new Option<string[]>(name) { Description = description, AllowMultipleArgumentsPerToken = true };
            return new Switch(option, parseResult => (parseResult.GetValue(option) ?? [])
                .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select((value, index) => new KeyValuePair<string, string?>(string.Create(CultureInfo.InvariantCulture, $"{key}:{index}"), value)));
        }

        private static string? ToConfigurationValue(object? value) => value switch
        {
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        };
    }
}
