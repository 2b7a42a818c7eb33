namespace SmartOverhalla.Simulators.Models;

/// <summary>Small helpers for drawing plausible values from a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double NextDouble(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>Uniform in [−<paramref name="amplitude"/>, <paramref name="amplitude"/>): measurement noise.</summary>
    public static double NextNoise(this Random random, double amplitude) => ((random.NextDouble() * 2) - 1) * amplitude;

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public static bool NextChance(this Random random, double probability) => random.NextDouble() < probability;
}
