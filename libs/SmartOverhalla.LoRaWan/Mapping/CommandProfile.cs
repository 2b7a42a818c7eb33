namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>How lighting commands reach a profile's lights as downlinks: the encoder, the port and whether confirmed.</summary>
/// <param name="Encoder">A name <see cref="Downlinks.CommandEncoders"/> knows, e.g. <c>dim-level-v1</c>.</param>
/// <param name="FPort">LoRaWAN application port, 1–223.</param>
/// <param name="Confirmed">Confirmed downlinks are acknowledged by the device, and that acknowledgement is the command's ack.</param>
public sealed record CommandProfile(string Encoder, int FPort, bool Confirmed)
{
    public const int DefaultFPort = 10;
}
