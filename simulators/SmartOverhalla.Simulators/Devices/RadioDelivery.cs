using SmartOverhalla.Simulators.Configuration;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// How a radio network (LoRaWAN, wM-Bus) delivers one meter's readings: most at once, some late (sent
/// <see cref="LateDelay"/> after they were taken, with their original <c>ts</c>, so later readings overtake them), some
/// twice. Seeded per meter, so a run repeats. Used on the device's loop only.
/// </summary>
internal sealed class RadioDelivery(double lateProbability, double duplicateProbability, TimeSpan lateDelay, int seed)
{
    private readonly Random _random = new(seed ^ 0x12AD10);

    public TimeSpan LateDelay { get; } = lateDelay;

    /// <summary>Null when the options ask for neither late nor duplicated delivery.</summary>
    public static RadioDelivery? Of(RadioOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LateProbability > 0 || options.DuplicateProbability > 0
            ? new RadioDelivery(options.LateProbability, options.DuplicateProbability, options.LateDelay, seed)
            : null;
    }

    /// <summary>What happens to the next reading: late (held back), duplicated (sent twice), both, or neither.</summary>
    public (bool Late, bool Duplicate) Next()
    {
        var late = _random.NextDouble() < lateProbability;
        var duplicate = _random.NextDouble() < duplicateProbability;
        return (late, duplicate);
    }
}
