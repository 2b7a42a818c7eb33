using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.OptionsValidation;
using SmartOverhalla.Simulators.Devices;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// What to simulate (configuration section <c>Simulators</c>; every setting also has a command-line
/// switch, see <c>--help</c>). The MQTT connection is configured separately, in section <c>Mqtt</c>.
/// </summary>
public sealed class SimulatorOptions : IValidatableObject
{
    public const string SectionName = "Simulators";

    /// <summary>Upper bound of each device count: a whole county's lights, still one process.</summary>
    public const int MaxDevicesPerKind = 100_000;

    public const int DefaultStreetlights = 10;
    public const int DefaultWatermeters = 5;
    public const int DefaultPloughs = 2;
    public const string DefaultMunicipality = "overhalla";
    public const string DefaultDeviceIdPrefix = "sim";
    public const int DefaultSeed = 1;
    public const int DefaultConnectParallelism = 64;

    /// <summary>Street-light controllers report about twice a minute.</summary>
    public static readonly TimeSpan DefaultStreetlightInterval = TimeSpan.FromSeconds(30);

    /// <summary>A GPS track needs a fix every few seconds to follow the road.</summary>
    public static readonly TimeSpan DefaultPloughInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultSummaryInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Two hours: longer than any gap between a zone profile's steps that the platform does not
    /// refresh, short enough that a light commanded off in the evening is back on its own schedule
    /// well before the night is over if the platform dies.
    /// </summary>
    public static readonly TimeSpan DefaultCommandSilenceFallback = TimeSpan.FromHours(2);

    /// <summary>Number of simulated street lights.</summary>
    [Range(0, MaxDevicesPerKind)]
    public int Streetlights { get; set; } = DefaultStreetlights;

    /// <summary>Number of simulated household water meters (district inflow meters come on top, one per <see cref="WaterOptions.Districts"/>).</summary>
    [Range(0, MaxDevicesPerKind)]
    public int Watermeters { get; set; } = DefaultWatermeters;

    /// <summary>Number of simulated snowploughs.</summary>
    [Range(0, MaxDevicesPerKind)]
    public int Ploughs { get; set; } = DefaultPloughs;

    /// <summary>Municipality slug of every simulated device (the tenant level of the topic tree).</summary>
    [Required]
    public string Municipality { get; set; } = DefaultMunicipality;

    /// <summary>
    /// Start of every device id, e.g. <c>sim</c> gives <c>sim-light-0001</c>. The id is also the MQTT
    /// client id, so two simulators on one broker need different prefixes.
    /// </summary>
    [Required]
    [StringLength(32, MinimumLength = 1)]
    public string DeviceIdPrefix { get; set; } = DefaultDeviceIdPrefix;

    /// <summary>Seed of every device's model: the same seed gives the same fleet and the same values.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Time between two telemetry messages of one street light.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan StreetlightInterval { get; set; } = DefaultStreetlightInterval;

    /// <summary>
    /// When set, every water meter (household and district inflow) reports at this one interval, for demonstrations
    /// and tests that want readings at once. Unset (the default): each household meter draws its own interval within
    /// <see cref="WaterOptions.HouseholdIntervalMin"/>–<see cref="WaterOptions.HouseholdIntervalMax"/>, as battery meters
    /// report, and inflow meters report every <see cref="WaterOptions.InflowInterval"/>. Backfill ignores it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan? WatermeterInterval { get; set; }

    /// <summary>Time between two telemetry messages (GPS fixes) of one plough.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PloughInterval { get; set; } = DefaultPloughInterval;

    /// <summary>
    /// When set, each device stops after this many acknowledged telemetry messages, announces itself
    /// offline and disconnects; the host stops when every device has. Unset: run until stopped.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? MessagesPerDevice { get; set; }

    /// <summary>At most this many devices connect at the same moment (start-up and after a broker outage).</summary>
    [Range(1, 10_000)]
    public int ConnectParallelism { get; set; } = DefaultConnectParallelism;

    /// <summary>How often a one-line summary (connected, published, failed) is logged.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SummaryInterval { get; set; } = DefaultSummaryInterval;

    /// <summary>
    /// A street light that has applied no command from the platform for this long returns to its local
    /// fallback schedule (design.md, "Control"), also before a command's own <c>untilTs</c>. Zero or
    /// unset: commands hold until replaced or until their <c>untilTs</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan? CommandSilenceFallback { get; set; } = DefaultCommandSilenceFallback;

    /// <summary>
    /// Fleet key: each device logs in as <c>{municipality}/{kind}/{deviceId}</c> with the password
    /// HMAC-SHA256(key, user name) (<see cref="SmartOverhalla.Mqtt.FleetCredentials"/>), as the gateway's registry
    /// derives it when it imports the fleet. Unset: every device uses <c>Mqtt:Username</c>/<c>Password</c> (or none).
    /// From the environment only (<c>Simulators__FleetKey</c>); it has no switch, so it never shows in a process list.
    /// </summary>
    [MinLength(SmartOverhalla.Mqtt.FleetCredentials.MinKeyLength)]
    public string? FleetKey { get; set; }

    /// <summary>
    /// When set, the simulator writes its fleet as the gateway's import list (<c>kind,deviceId,municipality</c> per
    /// line, and <c>,role,devEui</c> for LoRaWAN devices; the gateway's <c>Devices:ImportFile</c>) to this file and exits
    /// without simulating.
    /// </summary>
    public string? WriteFleetFile { get; set; }

    /// <summary>The water network: districts, reporting intervals, losses, the scenario of faults, radio delivery.</summary>
    [ValidateObjectMembers]
    public WaterOptions Water { get; set; } = new();

    /// <summary>Backfill of water meter history into InfluxDB instead of live simulation (off unless a range is given).</summary>
    [ValidateObjectMembers]
    public BackfillOptions Backfill { get; set; } = new();

    /// <summary>Faults injected into street lights (none by default).</summary>
    [ValidateObjectMembers]
    public StreetlightFaultOptions StreetlightFaults { get; set; } = new();

    /// <summary>Lights and household meters that speak through a LoRaWAN network server instead of logging in (off by default).</summary>
    [ValidateObjectMembers]
    public LoRaWanOptions LoRaWan { get; set; } = new();

    /// <summary>The broker account of the simulated network server's integration (used only with <see cref="LoRaWan"/>).</summary>
    public NetworkServerOptions NetworkServer { get; set; } = new();

    /// <summary>District inflow meters: one per district, when there are household meters.</summary>
    public int InflowMeters => Watermeters == 0 ? 0 : Water?.Districts ?? 0;

    /// <summary>Total number of devices.</summary>
    public int TotalDevices => Streetlights + Watermeters + InflowMeters + Ploughs;

    /// <summary>Checks what attributes cannot: the slug and the ids must be valid topic levels.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Municipality is not null && !DeviceTopic.IsValidMunicipality(Municipality))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Municipality))} '{Municipality}' is not a valid slug: 2-40 lower-case letters, digits or '-', starting with a letter (e.g. 'overhalla').",
                [nameof(Municipality)]);
        }

        // The longest id this fleet can produce must still be a valid topic level and client id.
        if (DeviceIdPrefix is not null && !DeviceTopic.IsValidDeviceId(DeviceIds.Format(DeviceIdPrefix, DeviceKind.Plough, MaxDevicesPerKind)))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(DeviceIdPrefix))} '{DeviceIdPrefix}' is not valid: use ASCII letters, digits, '-' or '_', starting with a letter or digit.",
                [nameof(DeviceIdPrefix)]);
        }

        foreach (var result in ValidateFaultDevices(validationContext)
            .Concat(WaterScenarioValidation.Validate(this, validationContext))
            .Concat(WaterScenarioValidation.ValidateBackfill(this, validationContext))
            .Concat(LoRaWan?.Validate(validationContext) ?? []))
        {
            yield return result;
        }
    }

    /// <summary>A fault named for a light this fleet does not have would silently do nothing: refuse it.</summary>
    private IEnumerable<ValidationResult> ValidateFaultDevices(ValidationContext validationContext)
    {
        if (StreetlightFaults is null || DeviceIdPrefix is null)
        {
            yield break;
        }

        foreach (var (name, selection) in StreetlightFaults.GetSelections())
        {
            foreach (var deviceId in selection?.Devices ?? [])
            {
                if (StreetlightNumber(deviceId) is null)
                {
                    var key = ConfigurationKey.Of(validationContext, nameof(StreetlightFaults), name, nameof(FaultSelection.Devices));
                    var fleet = Streetlights == 0
                        ? "there are no simulated street lights"
                        : $"the simulated street lights are {DeviceIds.Format(DeviceIdPrefix, DeviceKind.Streetlight, 1)} to {DeviceIds.Format(DeviceIdPrefix, DeviceKind.Streetlight, Streetlights)}";
                    yield return new ValidationResult($"{key} names '{deviceId}', which is not a simulated street light: {fleet}.", [nameof(StreetlightFaults)]);
                }
            }
        }
    }

    /// <summary>The 1-based number of the street light with id <paramref name="deviceId"/>, or null when the fleet has no such light.</summary>
    internal int? StreetlightNumber(string? deviceId) =>
        DeviceIds.TryParseNumber(DeviceIdPrefix, DeviceKind.Streetlight, deviceId, out var number) && number <= Streetlights ? number : null;
}
