using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// The rules a meter's registration must meet, shared by the CSV import and the admin API: ids and slugs by the device
/// contract's rules, a known role, and an address for household meters only (a district inflow meter serves no household).
/// </summary>
internal static class MeterRules
{
    public const int MaxAddressLength = 200;

    public const string MeterIdRule = "must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit";
    public const string MunicipalityRule = "must be 2-40 lower-case letters, digits or '-', starting with a letter";
    public const string DistrictRule = "must be 2-40 lower-case letters, digits or '-', starting with a letter (a slug like the zone ids)";
    public const string RoleRule = "must be 'household' or 'district-inflow'";

    /// <summary>The first problem of the fields, or null and the <paramref name="definition"/> they make.</summary>
    public static (string Field, string Message)? Check(
        string? meterId, string? municipality, string? role, string? district, string? address, out MeterDefinition? definition)
    {
        definition = null;
        if (string.IsNullOrEmpty(meterId) || !DeviceTopic.IsValidDeviceId(meterId))
        {
            return ("meterId", $"{MeterIdRule}; got '{Shown(meterId)}'");
        }

        if (string.IsNullOrEmpty(municipality) || !DeviceTopic.IsValidMunicipality(municipality))
        {
            return ("municipality", $"{MunicipalityRule}; got '{Shown(municipality)}'");
        }

        if (!MeterRoles.TryParse(role, out var parsedRole))
        {
            return ("role", $"{RoleRule}; got '{Shown(role)}'");
        }

        // A household outside every district metered area (the simulator's fleet without districts) has an empty district;
        // an inflow meter always feeds one.
        var noDistrict = string.IsNullOrEmpty(district) && parsedRole == MeterRole.Household;
        if (!noDistrict && (string.IsNullOrEmpty(district) || !DeviceTopic.IsValidMunicipality(district)))
        {
            return ("district", $"{DistrictRule}{(parsedRole == MeterRole.DistrictInflow ? ", required for a district inflow meter" : string.Empty)}; got '{Shown(district)}'");
        }

        var trimmed = address?.Trim();
        if (parsedRole == MeterRole.Household)
        {
            if (string.IsNullOrEmpty(trimmed))
            {
                return ("address", "is required for a household meter");
            }

            if (trimmed.Length > MaxAddressLength || trimmed.Any(char.IsControl))
            {
                return ("address", $"must be at most {MaxAddressLength} characters without line breaks or control characters");
            }
        }
        else if (!string.IsNullOrEmpty(trimmed))
        {
            return ("address", "must be empty for a district inflow meter: it serves no household");
        }

        definition = new MeterDefinition(municipality, meterId, parsedRole, district ?? string.Empty, parsedRole == MeterRole.Household ? trimmed : null);
        return null;
    }

    /// <summary>Bad input as it is shown back in a message: cut, so a message stays a line.</summary>
    /// <summary>
    /// A refused value as an error message may show it: ids, slugs and roles are shown (up to 70 characters), but a value
    /// with a space or a comma may be an address in the wrong column, which must not reach an HTTP answer or the start-up
    /// log: it is described, not shown.
    /// </summary>
    private static string Shown(string? value) =>
        value is null ? string.Empty
        : value.Any(c => char.IsWhiteSpace(c) || c == ',') ? $"(a value of {value.Length} characters with spaces or commas, not shown: it may be an address)"
        : value.Length > 70 ? value[..70] + "…"
        : value;
}
