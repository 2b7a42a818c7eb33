namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>What makes one household's water use its own: its seed, how many live there, and how thrifty they are.</summary>
/// <param name="UseFactor">Scales every kind's frequency (0.9–1.15: some shower longer, some wash more).</param>
internal sealed record HouseholdTraits(int Seed, int Residents, double UseFactor)
{
    public static HouseholdTraits Draw(int seed)
    {
        var random = new Random(seed);
        return new HouseholdTraits(seed, random.Next(1, 6), random.NextDouble(0.9, 1.15));
    }
}
