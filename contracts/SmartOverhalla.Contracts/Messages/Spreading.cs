namespace SmartOverhalla.Contracts.Messages;

/// <summary>What a plough spreads on the road.</summary>
public enum Spreading
{
    None,
    Salt,
    Sand,
}
