using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>A meter as everyone but the household role sees it: id, role and district, never an address.</summary>
internal sealed record PlacementView(string Municipality, string Meter, string Role, string District)
{
    public static PlacementView Of(MeterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PlacementView(entry.Municipality, entry.MeterId, MeterRoles.NameOf(entry.Role), entry.District);
    }
}

/// <summary><c>GET /api/v1/water/meters</c>: <c>{"meters":[…]}</c>, the shape the analytics host reads.</summary>
internal sealed record PlacementsResponse(IReadOnlyList<PlacementView> Meters);
