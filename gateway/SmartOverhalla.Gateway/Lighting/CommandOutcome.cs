using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>How one command ended: the light's ack, or silence after every attempt.</summary>
internal sealed record CommandOutcome(CommandAck? Ack, int Attempts)
{
    public bool IsSilent => Ack is null;
}
