namespace SmartOverhalla.Gateway.Water.Planning;

/// <summary>
/// JSON (default) or CSV for a spreadsheet: <c>?format=csv</c> or <c>json</c> wins; without it, <c>Accept: text/csv</c>
/// (and no JSON listed before it) asks for CSV.
/// </summary>
internal static class ResponseFormat
{
    public const string Csv = "csv";
    public const string Json = "json";

    /// <summary>True for CSV, false for JSON, null (and an error) for an unknown <paramref name="format"/>.</summary>
    public static bool? WantsCsv(string? format, HttpRequest request, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        switch (format)
        {
            case Csv:
                return true;
            case Json:
                return false;
            case null:
                var accept = request.GetTypedHeaders().Accept;
                var csv = accept.FirstOrDefault(a => a.MediaType.Value is "text/csv");
                return csv is not null && !accept.Any(a => a.MediaType.Value is "application/json" && (a.Quality ?? 1) > (csv.Quality ?? 1));
            default:
                errors["format"] = [$"must be 'json' or 'csv'; got '{format}'"];
                return null;
        }
    }
}
