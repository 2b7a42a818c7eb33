using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Analytics.Water.Directory;

/// <summary>The meters of one municipality as the gateway listed them at one moment, by district.</summary>
internal sealed class MeterDirectorySnapshot
{
    private readonly Dictionary<string, List<MeterPlacement>> _byDistrict;

    public MeterDirectorySnapshot(string municipality, IEnumerable<MeterPlacement> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Municipality = municipality;
        _byDistrict = meters
            .GroupBy(m => m.District, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Meter, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        Districts = [.. _byDistrict.Keys.Order(StringComparer.Ordinal)];
    }

    public string Municipality { get; }

    /// <summary>Every district with at least one meter, in ordinal order: the water jobs' partitions.</summary>
    public IReadOnlyList<string> Districts { get; }

    /// <summary>The household meters of <paramref name="district"/>, by id.</summary>
    public IReadOnlyList<string> Households(string district) => Of(district, MeterRole.Household);

    /// <summary>The district inflow meters of <paramref name="district"/> (usually one), by id.</summary>
    public IReadOnlyList<string> Inflows(string district) => Of(district, MeterRole.DistrictInflow);

    private List<string> Of(string district, MeterRole role) =>
        _byDistrict.TryGetValue(district, out var meters) ? [.. meters.Where(m => m.Role == role).Select(m => m.Meter)] : [];
}
