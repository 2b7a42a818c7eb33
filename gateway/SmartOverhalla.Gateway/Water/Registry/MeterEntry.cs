using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// One meter's registration from <see cref="From"/> until <see cref="Until"/> (null: current). A meter removed, replaced or
/// moved keeps its old entries with an end, so the audit log's look-ups of it can still be tied to the address it served
/// then ("who has seen my data").
/// </summary>
internal sealed record MeterEntry(
    string Municipality, string MeterId, MeterRole Role, string District, string? Address, DateTimeOffset From, DateTimeOffset? Until)
{
    public bool Current => Until is null;

    /// <summary><c>{municipality}/{meterId}</c>: the audit log's target for the meter.</summary>
    public string Key => KeyOf(Municipality, MeterId);

    public static string KeyOf(string municipality, string meterId) => $"{municipality}/{meterId}";

    public static MeterEntry Of(MeterDefinition definition, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new MeterEntry(definition.Municipality, definition.MeterId, definition.Role, definition.District, definition.Address, from, null);
    }

    /// <summary>Whether <paramref name="definition"/> says the same as this entry (nothing to change).</summary>
    public bool Matches(MeterDefinition definition) =>
        definition is not null && Role == definition.Role && District == definition.District && string.Equals(Address, definition.Address, StringComparison.Ordinal);

    /// <summary>Whether this entry was in force at <paramref name="instant"/>.</summary>
    public bool CoversInstant(DateTimeOffset instant) => instant >= From && (Until is null || instant < Until);
}
