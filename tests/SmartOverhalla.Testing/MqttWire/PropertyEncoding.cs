namespace SmartOverhalla.Testing.MqttWire;

public enum PropertyEncoding
{
    Byte,
    TwoBytes,
    FourBytes,
    VariableByteInteger,
    Utf8String,
    Binary,
    StringPair,
}
