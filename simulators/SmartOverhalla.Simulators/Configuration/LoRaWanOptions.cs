using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;
using SmartOverhalla.Simulators.LoRaWan;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// Street lights and household water meters that reach the platform through a LoRaWAN network server (section
/// <c>Simulators:LoRaWan</c>; issue 12). Off unless <see cref="Network"/> is set. Such devices never log in to the
/// broker themselves: the simulator publishes their uplinks as the network server's MQTT integration would
/// (ChirpStack v4 or The Things Stack v3), over one connection with the <see cref="NetworkServerOptions"/> account,
/// and answers the platform's downlinks as the network server and the device together would.
/// </summary>
public sealed class LoRaWanOptions
{
    /// <summary>Devices of each kind that go through the network server when a network is named but no count.</summary>
    public const int DefaultDevicesPerKind = 10;

    /// <summary>A Class A device answers in its next uplink; the simulated one sends it this soon, so control sees the level.</summary>
    public static readonly TimeSpan DefaultUplinkAfterDownlink = TimeSpan.FromSeconds(2);

    /// <summary><c>chirpstack</c>, <c>tts</c> or <c>mixed</c> (ChirpStack and TTS by turns, by device index); unset or <c>off</c>: no LoRaWAN devices.</summary>
    public string? Network { get; set; }

    /// <summary>The first this many street lights (by id) speak LoRaWAN; default <see cref="DefaultDevicesPerKind"/>, clamped to the fleet.</summary>
    [Range(0, SimulatorOptions.MaxDevicesPerKind)]
    public int? Lights { get; set; }

    /// <summary>The first this many household water meters (by id) speak LoRaWAN; default <see cref="DefaultDevicesPerKind"/>, clamped to the fleet.</summary>
    [Range(0, SimulatorOptions.MaxDevicesPerKind)]
    public int? Meters { get; set; }

    /// <summary>Share of uplinks the integration publishes twice (same fCnt, same JSON), as a redelivering integration does.</summary>
    [Range(0, 1)]
    public double DuplicateProbability { get; set; }

    /// <summary>How soon after applying a downlink a light sends the uplink that reports the new level.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UplinkAfterDownlink { get; set; } = DefaultUplinkAfterDownlink;

    /// <summary>The network setting read, or null when LoRaWAN is off; false when the value is not one of the names.</summary>
    internal bool TryGetMode(out LoRaWanMode? mode)
    {
        mode = null;
        if (string.IsNullOrWhiteSpace(Network) || string.Equals(Network.Trim(), "off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        mode = Network.Trim().ToLowerInvariant() switch
        {
            "chirpstack" => LoRaWanMode.ChirpStack,
            "tts" => LoRaWanMode.Tts,
            "mixed" => LoRaWanMode.Mixed,
            _ => null,
        };
        return mode is not null;
    }

    /// <summary>LoRaWAN lights and meters as asked (not yet clamped to the fleet); zero when LoRaWAN is off.</summary>
    internal (int Lights, int Meters) RequestedCounts() =>
        TryGetMode(out var mode) && mode is not null ? (Lights ?? DefaultDevicesPerKind, Meters ?? DefaultDevicesPerKind) : (0, 0);

    internal IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        string Key(string member) => ConfigurationKey.Of(context, nameof(SimulatorOptions.LoRaWan), member);
        if (!TryGetMode(out var mode))
        {
            yield return new ValidationResult($"{Key(nameof(Network))} '{Network}' is not a network: use chirpstack, tts or mixed (or off).", [nameof(SimulatorOptions.LoRaWan)]);
            yield break;
        }

        if (mode is null)
        {
            foreach (var (name, value) in new[] { (nameof(Lights), Lights), (nameof(Meters), Meters) })
            {
                if (value is > 0)
                {
                    yield return new ValidationResult(
                        $"{Key(name)} is {value}, but {Key(nameof(Network))} is not set: name the network those devices use (chirpstack, tts or mixed).",
                        [nameof(SimulatorOptions.LoRaWan)]);
                }
            }
        }
    }
}
