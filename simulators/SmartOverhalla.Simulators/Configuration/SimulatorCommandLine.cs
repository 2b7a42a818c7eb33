using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using SmartOverhalla.Influx;
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
    private const string WaterSection = SimulatorsSection + nameof(SimulatorOptions.Water) + ":";
    private const string RadioSection = WaterSection + nameof(WaterOptions.Radio) + ":";
    private const string LoRaWanSection = SimulatorsSection + nameof(SimulatorOptions.LoRaWan) + ":";
    private const string BackfillSection = SimulatorsSection + nameof(SimulatorOptions.Backfill) + ":";
    private const string InfluxSection = InfluxOptions.SectionName + ":";

    /// <summary>
    /// Builds the root command; when invoked without <c>--help</c>, it calls <paramref name="run"/> with
    /// the configuration keys the switches set.
    /// </summary>
    public static RootCommand Create(Func<IReadOnlyDictionary<string, string?>, CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Create(async (settings, cancellationToken) =>
        {
            await run(settings, cancellationToken);
            return 0;
        });
    }

    /// <summary>As <see cref="Create(Func{IReadOnlyDictionary{string, string?}, CancellationToken, Task})"/>; <paramref name="run"/> returns the exit code.</summary>
    public static RootCommand Create(Func<IReadOnlyDictionary<string, string?>, CancellationToken, Task<int>> run)
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
            Switch.For<TimeSpan>("--watermeter-interval", "One interval for every water meter, household and inflow, e.g. 00:00:05 for a demonstration (default: each household meter draws its own within --household-interval-min/-max, inflow meters use --inflow-interval).", SimulatorsSection + nameof(SimulatorOptions.WatermeterInterval)),
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
            .. WaterSwitches(),
            .. LoRaWanSwitches(),
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
                return await run(settings, cancellationToken);
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

    /// <summary>The water network, its scenario, radio delivery, backfill and the files describing the network.</summary>
    private static Switch[] WaterSwitches() =>
    [
        Switch.For<int>("--districts", $"District metered areas, each with one inflow meter (sim-inflow-01, ...); household meters are shared out evenly, 0-{WaterOptions.MaxDistricts} (default 0: no districts, no inflow meters).", WaterSection + nameof(WaterOptions.Districts)),
        Switch.For<TimeSpan>("--household-interval-min", $"Shortest reporting interval a household meter draws (default {WaterOptions.DefaultHouseholdIntervalMin:c}); meters with a burst report this often.", WaterSection + nameof(WaterOptions.HouseholdIntervalMin)),
        Switch.For<TimeSpan>("--household-interval-max", $"Longest reporting interval a household meter draws, at most 01:00:00 (default {WaterOptions.DefaultHouseholdIntervalMax:c}).", WaterSection + nameof(WaterOptions.HouseholdIntervalMax)),
        Switch.For<TimeSpan>("--inflow-interval", $"Reporting interval of the district inflow meters, on the clock (default {WaterOptions.DefaultInflowInterval:c}).", WaterSection + nameof(WaterOptions.InflowInterval)),
        Switch.For<double>("--background-leakage", $"Real losses of each district's pipes, L/h (default {WaterOptions.DefaultBackgroundLeakageLph}).", WaterSection + nameof(WaterOptions.BackgroundLeakageLph)),
        Switch.For<double>("--holiday-share", $"Share of households away once for 3-10 days, 0-1 (default {WaterOptions.DefaultHolidayShare}).", WaterSection + nameof(WaterOptions.HolidayShare)),
        Switch.For<int>("--water-leaks", "Leaks drawn with the seed (10-30 L/h, never repaired), in different households.", WaterSection + nameof(WaterOptions.RandomLeaks)),
        Switch.For<int>("--water-bursts", "Bursts drawn with the seed (1,500-3,000 L/h for 1-3 h).", WaterSection + nameof(WaterOptions.RandomBursts)),
        Switch.For<int>("--water-replacements", "Meter replacements drawn with the seed (register back to zero).", WaterSection + nameof(WaterOptions.RandomReplacements)),
        Switch.For<int>("--pipe-leaks", "Leaks in district pipes drawn with the seed (100-600 L/h, never repaired).", WaterSection + nameof(WaterOptions.RandomPipeLeaks)),
        Switch.For<double>("--late-probability", "Live mode: share of water readings the radio delivers late, 0-1 (default 0).", RadioSection + nameof(RadioOptions.LateProbability)),
        Switch.For<double>("--duplicate-probability", "Live mode: share of water readings delivered twice, 0-1 (default 0).", RadioSection + nameof(RadioOptions.DuplicateProbability)),
        Switch.For<TimeSpan>("--late-delay", $"Live mode: how late a late reading arrives (default {RadioOptions.DefaultLateDelay:c}).", RadioSection + nameof(RadioOptions.LateDelay)),
        Switch.For<string>("--write-water-registry", "Write the water meter registry (CSV for the gateway's import: meterId;municipality;role;district;address) to this file, and exit.", WaterSection + nameof(WaterOptions.RegistryFile)),
        Switch.For<string>("--write-ground-truth", "Write the ground truth (meters, injected faults, district water per local day) as JSON to this file: after a backfill, or when a live run stops.", WaterSection + nameof(WaterOptions.GroundTruthFile)),
        Switch.For<DateTimeOffset>("--backfill-from", "Backfill water meter history from this instant (e.g. 2026-11-01T00:00:00Z) straight into InfluxDB, then exit; water meters only.", BackfillSection + nameof(BackfillOptions.From)),
        Switch.For<DateTimeOffset>("--backfill-to", "End of the backfill range (exclusive).", BackfillSection + nameof(BackfillOptions.To)),
        Switch.For<int>("--backfill-batch-size", $"Points per write to InfluxDB (default {BackfillOptions.DefaultBatchSize}).", BackfillSection + nameof(BackfillOptions.BatchSize)),
        Switch.For<Uri>("--influx-url", $"InfluxDB of the backfill (default {InfluxOptions.DefaultUrl}); user and password from InfluxDb__Username/InfluxDb__Password.", InfluxSection + nameof(InfluxOptions.Url)),
        Switch.For<string>("--influx-database", $"Database of the backfill (default {InfluxOptions.DefaultDatabase}).", InfluxSection + nameof(InfluxOptions.Database)),
    ];

    /// <summary>Devices that speak through a simulated LoRaWAN network server's MQTT integration.</summary>
    private static Switch[] LoRaWanSwitches() =>
    [
        Switch.For<string>("--lorawan", "Let the first street lights and household water meters speak LoRaWAN through a network server: chirpstack (ChirpStack v4 MQTT integration), tts (The Things Stack v3) or mixed (by turns). They never log in themselves; the simulator publishes as the network server with Simulators:NetworkServer:Username (default network-server) and the password from Simulators__NetworkServer__Password (default: off).", LoRaWanSection + nameof(LoRaWanOptions.Network)),
        Switch.For<int>("--lorawan-lights", $"With --lorawan: the first N street lights by id speak LoRaWAN; more than the fleet has means all (default {LoRaWanOptions.DefaultDevicesPerKind}).", LoRaWanSection + nameof(LoRaWanOptions.Lights)),
        Switch.For<int>("--lorawan-meters", $"With --lorawan: the first N household water meters by id speak LoRaWAN; more than the fleet has means all (default {LoRaWanOptions.DefaultDevicesPerKind}).", LoRaWanSection + nameof(LoRaWanOptions.Meters)),
        Switch.For<double>("--lorawan-duplicates", "With --lorawan: share of uplinks the integration publishes twice (same fCnt, same JSON), 0-1 (default 0).", LoRaWanSection + nameof(LoRaWanOptions.DuplicateProbability)),
        Switch.For<TimeSpan>("--lorawan-uplink-after-downlink", $"With --lorawan: how soon a light reports the level of a downlink it applied (default {LoRaWanOptions.DefaultUplinkAfterDownlink:c}).", LoRaWanSection + nameof(LoRaWanOptions.UplinkAfterDownlink)),
    ];

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
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString(),
        };
    }
}
