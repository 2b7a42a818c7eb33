using System.Globalization;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// What one publisher process sends: <see cref="Messages"/> street-light telemetry messages at QoS 1 from
/// <see cref="Devices"/> device ids over <see cref="Connections"/> MQTT connections, with at most
/// <see cref="InFlight"/> messages unacknowledged in all; as fast as possible (<see cref="Rate"/> 0) or paced.
/// </summary>
internal sealed record PublisherSettings(
    string Host,
    int Port,
    int Messages,
    int Devices,
    int InFlight,
    int Connections,
    int Rate,
    string Municipality,
    string ClientPrefix)
{
    public IEnumerable<string> ToArguments() =>
    [
        "publish", Host, Text(Port), Text(Messages), Text(Devices), Text(InFlight), Text(Connections), Text(Rate), Municipality, ClientPrefix,
    ];

    public static PublisherSettings Parse(IReadOnlyList<string> args)
    {
        if (args.Count != 9)
        {
            throw new ArgumentException("publish HOST PORT MESSAGES DEVICES IN_FLIGHT CONNECTIONS RATE MUNICIPALITY CLIENT_PREFIX");
        }

        var settings = new PublisherSettings(args[0], Number(args[1]), Number(args[2]), Number(args[3]), Number(args[4]), Number(args[5]), Number(args[6]), args[7], args[8]);
        if (settings.Messages < 1 || settings.Devices < 1 || settings.Connections < 1 || settings.Connections > settings.Devices
            || settings.InFlight < settings.Connections || settings.Rate < 0 || settings.Messages > 10_000_000)
        {
            throw new ArgumentException($"Invalid publisher settings: {settings}");
        }

        return settings;
    }

    /// <summary>The device id of device <paramref name="index"/>; the first ones are the latency probes.</summary>
    public static string DeviceId(int index) => "pb-" + index.ToString("D5", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
