using System.Net;
using System.Text.Json;

namespace SmartOverhalla.Gateway.Tests.Infrastructure;

/// <summary>A <c>/health</c> answer as a client sees it: status code and the parsed JSON body.</summary>
internal sealed record HealthResponse(HttpStatusCode StatusCode, JsonElement Body)
{
    public static async Task<HealthResponse> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return new HealthResponse(response.StatusCode, document.RootElement.Clone());
    }

    public string Status => Body.GetProperty("status").GetString()!;

    public JsonElement Check(string name) => Body.GetProperty("checks").GetProperty(name);

    public string CheckStatus(string name) => Check(name).GetProperty("status").GetString()!;

    public string CheckDescription(string name) => Check(name).GetProperty("description").GetString()!;

    public TimeSpan CheckDuration(string name) => TimeSpan.Parse(Check(name).GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public long CheckData(string name, string key) => Check(name).GetProperty("data").GetProperty(key).GetInt64();
}
