namespace SmartOverhalla.Water.Registry;

/// <summary>What a water meter measures (design.md: district inflow meters are water meters with their own role).</summary>
public enum MeterRole
{
    /// <summary>One household's or property's consumption: personal data.</summary>
    Household,

    /// <summary>What enters a district metered area (DMA) from the mains.</summary>
    DistrictInflow,
}

/// <summary>The registry's and the API's names of each <see cref="MeterRole"/>.</summary>
public static class MeterRoles
{
    public const string Household = "household";
    public const string DistrictInflow = "district-inflow";

    public static string NameOf(MeterRole role) => role == MeterRole.Household ? Household : DistrictInflow;

    public static bool TryParse(string? name, out MeterRole role)
    {
        switch (name)
        {
            case Household:
                role = MeterRole.Household;
                return true;
            case DistrictInflow:
                role = MeterRole.DistrictInflow;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
