namespace SmartOverhalla.Testing.MqttWire;

/// <summary>The MQTT 5 property identifiers these tests send or read (MQTT 5.0 §2.2.2.2, table 2-4).</summary>
public static class PropertyId
{
    public const byte MessageExpiryInterval = 0x02;
    public const byte SubscriptionIdentifier = 0x0B;
    public const byte SessionExpiryInterval = 0x11;
    public const byte AssignedClientIdentifier = 0x12;
    public const byte WillDelayInterval = 0x18;
    public const byte ServerKeepAlive = 0x13;
    public const byte ReasonString = 0x1F;
    public const byte ReceiveMaximum = 0x21;
    public const byte TopicAliasMaximum = 0x22;
    public const byte TopicAlias = 0x23;
    public const byte MaximumQoS = 0x24;
    public const byte RetainAvailable = 0x25;
    public const byte UserProperty = 0x26;
    public const byte MaximumPacketSize = 0x27;
    public const byte WildcardSubscriptionAvailable = 0x28;
    public const byte SubscriptionIdentifierAvailable = 0x29;
    public const byte SharedSubscriptionAvailable = 0x2A;

    /// <summary>How a property's value is encoded on the wire (MQTT 5.0 §1.5 data representation).</summary>
    public static PropertyEncoding EncodingOf(byte id) => id switch
    {
        0x01 or 0x17 or 0x19 or MaximumQoS or RetainAvailable or WildcardSubscriptionAvailable
            or SubscriptionIdentifierAvailable or SharedSubscriptionAvailable => PropertyEncoding.Byte,
        ServerKeepAlive or ReceiveMaximum or TopicAliasMaximum or TopicAlias => PropertyEncoding.TwoBytes,
        MessageExpiryInterval or SessionExpiryInterval or WillDelayInterval or MaximumPacketSize => PropertyEncoding.FourBytes,
        SubscriptionIdentifier => PropertyEncoding.VariableByteInteger,
        0x03 or 0x08 or AssignedClientIdentifier or 0x15 or 0x1A or 0x1C or ReasonString => PropertyEncoding.Utf8String,
        0x09 or 0x16 => PropertyEncoding.Binary,
        UserProperty => PropertyEncoding.StringPair,
        _ => throw new InvalidDataException($"Unknown MQTT 5 property 0x{id:X2}."),
    };
}
