namespace SmartOverhalla.Contracts.Messages;

/// <summary>Outcome of one command at the device.</summary>
public enum AckResult
{
    Applied,
    Rejected,
}
