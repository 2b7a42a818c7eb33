namespace SmartOverhalla.Gateway.Water.Privacy;

/// <summary>
/// The stated purpose every look-up of a household's data needs (GDPR art. 5(1)(b), purpose limitation): trimmed,
/// <see cref="MinLength"/>–<see cref="MaxLength"/> characters, one line. It becomes the audit entry's details, so it is
/// what a resident sees when asking who has seen their data — "billing" alone says too little.
/// </summary>
internal static class Purpose
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    public const string Rule = "state why you look (e.g. 'Faktura 2026-03, klage fra abonnent'): 10-200 characters on one line";

    /// <summary>The trimmed purpose, or null and <paramref name="error"/>.</summary>
    public static string? Check(string? purpose, out string? error)
    {
        var trimmed = purpose?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = $"is required: {Rule}";
            return null;
        }

        if (trimmed.Length is < MinLength or > MaxLength || trimmed.Any(char.IsControl))
        {
            error = $"{Rule}; got {trimmed.Length} characters";
            return null;
        }

        error = null;
        return trimmed;
    }
}
