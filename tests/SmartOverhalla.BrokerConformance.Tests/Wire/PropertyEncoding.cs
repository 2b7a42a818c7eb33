namespace SmartOverhalla.BrokerConformance.Tests.Wire;

internal enum PropertyEncoding
{
    Byte,
    TwoBytes,
    FourBytes,
    VariableByteInteger,
    Utf8String,
    Binary,
    StringPair,
}
