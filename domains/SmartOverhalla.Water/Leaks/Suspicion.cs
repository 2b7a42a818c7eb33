namespace SmartOverhalla.Water.Leaks;

/// <summary>
/// A leak or burst a meter's readings show, from <see cref="Since"/> until <see cref="Until"/> (null: still going at the end
/// of what was read).
/// </summary>
/// <param name="RateLph">The estimated flow of the leak or burst itself, litres per hour.</param>
/// <param name="LitresLost">The estimated litres lost from <see cref="Since"/> to <see cref="Until"/> or the end of what was read.</param>
/// <param name="AsOf">The end of the readings the suspicion was computed from.</param>
public sealed record Suspicion(
    SuspicionKind Kind,
    SuspicionSource Source,
    DateTimeOffset Since,
    DateTimeOffset? Until,
    DateTimeOffset AsOf,
    double RateLph,
    double LitresLost)
{
    public bool Ongoing => Until is null;
}
