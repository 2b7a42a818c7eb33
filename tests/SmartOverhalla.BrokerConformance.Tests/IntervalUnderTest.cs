namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>
/// Waits out an interval that a test is about: a session's or a message's expiry, a will's delay. The spec defines these
/// behaviours by elapsed time, so there is no event to wait for; the wait is the interval plus the reference broker's
/// clock step (Mosquitto counts whole seconds), never a guess at how long something takes.
/// </summary>
internal static class IntervalUnderTest
{
    /// <summary>Mosquitto compares whole seconds, so it may act up to a second after an interval ends.</summary>
    public static readonly TimeSpan ClockStep = TimeSpan.FromSeconds(1.2);

    public static Task PassAsync(TimeSpan interval, CancellationToken cancellationToken) =>
        Task.Delay(interval + ClockStep, TimeProvider.System, cancellationToken);
}
