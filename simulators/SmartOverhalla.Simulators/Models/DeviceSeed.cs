using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Models;

/// <summary>
/// Derives one device's seed from the fleet seed, so each device has its own independent but
/// reproducible random stream. (HashCode.Combine is randomised per process, so it cannot be used.)
/// </summary>
internal static class DeviceSeed
{
    public static int For(int fleetSeed, DeviceKind kind, int number)
    {
        unchecked
        {
            // SplitMix64 finaliser: neighbouring inputs give unrelated outputs.
            var x = ((ulong)(uint)fleetSeed << 32) ^ ((ulong)kind << 24) ^ (uint)number;
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x ^ (x >> 32));
        }
    }
}
