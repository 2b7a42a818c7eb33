namespace SmartOverhalla.Gateway.Savings;

/// <summary>
/// Marks that <c>AddLightingSavings</c> ran and remembers whether <c>MapLightingSavings</c> did, so both may be called
/// twice (the gateway's composition and a test host) without registering the service or the routes twice.
/// </summary>
internal sealed class LightingSavingsRegistration
{
    private int _mapped;

    /// <summary>True the first time only.</summary>
    public bool TryMarkMapped() => Interlocked.Exchange(ref _mapped, 1) == 0;
}
