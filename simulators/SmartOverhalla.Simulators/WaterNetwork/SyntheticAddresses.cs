using System.Globalization;
using SmartOverhalla.Simulators.Models;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// Addresses for simulated households: plainly synthetic (every street is called "Syntetisk …"), Norwegian in form,
/// in Overhalla's postcode, and the same for the same seed and meter. They exist so the gateway's registry and its
/// privacy rules can be exercised; they must never reach InfluxDB, and a test can search for "Syntetisk" there.
/// </summary>
internal static class SyntheticAddresses
{
    public const string PostalCode = "7863";
    public const string PostTown = "Overhalla";

    private static readonly string[] Streets =
    [
        "Syntetisk vei", "Syntetisk gate", "Syntetiskbakken", "Syntetisk allé", "Syntetiskmyra",
        "Syntetisk tun", "Syntetiskåsen", "Syntetisk brygge", "Syntetiskjordet", "Syntetisk løkke",
    ];

    /// <summary>E.g. <c>Syntetisk vei 12, 7863 Overhalla</c>: one per meter (street and number differ), some with a letter (<c>12B</c>).</summary>
    public static string For(int fleetSeed, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var rotation = (int)((uint)fleetSeed % (uint)Streets.Length);
        var street = Streets[(number - 1 + rotation) % Streets.Length];
        var house = ((number - 1) / Streets.Length) + 1;
        var random = new Random(unchecked((fleetSeed * 7919) + number));
        var letter = random.NextChance(0.15) ? ((char)('A' + random.Next(0, 4))).ToString() : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{street} {house}{letter}, {PostalCode} {PostTown}");
    }
}
