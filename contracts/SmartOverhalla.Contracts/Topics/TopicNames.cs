namespace SmartOverhalla.Contracts.Topics;

/// <summary>Wire names of kinds and message types, and the topic tree's fixed parts.</summary>
public static class TopicNames
{
    /// <summary>Root and version of the device topic tree: <c>smartcity/v1/{municipality}/{kind}/{deviceId}/{message}</c>.</summary>
    public const string Root = "smartcity/v1";

    /// <summary>Where the platform publishes messages it rejected, with the reason (never a device topic).</summary>
    public const string DeadLetterRoot = "platform/v1/deadletter";

    public static string Of(DeviceKind kind) => kind switch
    {
        DeviceKind.Streetlight => "streetlight",
        DeviceKind.Watermeter => "watermeter",
        DeviceKind.Plough => "plough",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };

    public static string Of(MessageType message) => message switch
    {
        MessageType.Telemetry => "telemetry",
        MessageType.Event => "event",
        MessageType.Status => "status",
        MessageType.Cmd => "cmd",
        MessageType.Ack => "ack",
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "Unknown message type."),
    };

    public static bool TryParseKind(ReadOnlySpan<char> text, out DeviceKind kind)
    {
        switch (text)
        {
            case "streetlight": kind = DeviceKind.Streetlight; return true;
            case "watermeter": kind = DeviceKind.Watermeter; return true;
            case "plough": kind = DeviceKind.Plough; return true;
            default: kind = default; return false;
        }
    }

    public static bool TryParseMessage(ReadOnlySpan<char> text, out MessageType message)
    {
        switch (text)
        {
            case "telemetry": message = MessageType.Telemetry; return true;
            case "event": message = MessageType.Event; return true;
            case "status": message = MessageType.Status; return true;
            case "cmd": message = MessageType.Cmd; return true;
            case "ack": message = MessageType.Ack; return true;
            default: message = default; return false;
        }
    }

    /// <summary>Subscription filter for one message type of every device of every municipality.</summary>
    public static string AllDevices(MessageType message) => $"{Root}/+/+/+/{Of(message)}";
}
