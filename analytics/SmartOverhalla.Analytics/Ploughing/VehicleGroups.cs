using System.IO.Hashing;
using System.Text;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>Shares vehicles out into a fixed number of groups by a stable hash of their id (the same on every instance and every run).</summary>
internal static class VehicleGroups
{
    public static string Partition(int group) => $"vehicles-{group}";

    public static IReadOnlyList<string> Partitions(int groups) => [.. Enumerable.Range(0, groups).Select(Partition)];

    public static string PartitionOf(string vehicle, int groups) =>
        Partition((int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(vehicle)) % (uint)groups));
}
