using System.Net;

namespace SmartOverhalla.Influx.Tests.Support;

internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string? ContentType,
    IReadOnlyList<string> ContentEncoding,
    byte[] Body)
{
    public string Query(string name) =>
        System.Web.HttpUtility.ParseQueryString(Uri.Query)[name] ?? throw new KeyNotFoundException($"No '{name}' in {Uri}");

    public bool HasQuery(string name) => System.Web.HttpUtility.ParseQueryString(Uri.Query)[name] is not null;
}
