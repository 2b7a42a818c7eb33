using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SmartOverhalla.Influx;

/// <summary>What the writer, query client and health check share about talking HTTP to InfluxDB.</summary>
internal static class InfluxHttp
{
    private const int MaxErrorTextLength = 2000;

    /// <summary>Applies base address, timeout and authentication from <paramref name="options"/>.</summary>
    public static void Configure(HttpClient client, InfluxOptions options)
    {
        // A trailing slash keeps a path prefix (e.g. behind a reverse proxy) when "write" or "query" is appended.
        var url = options.Url.AbsoluteUri;
        client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        client.Timeout = options.Timeout;
        client.DefaultRequestHeaders.Authorization = CreateAuthorization(options);
    }

    /// <summary>
    /// Token auth for InfluxDB 2.x/3.x v1 compatibility (<c>Authorization: Token …</c>), Basic auth for 1.x users
    /// (InfluxDB 1.x "Authentication and authorization": credentials in a Basic header are preferred to u/p
    /// query parameters, which end up in logs).
    /// </summary>
    public static AuthenticationHeaderValue? CreateAuthorization(InfluxOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            return new AuthenticationHeaderValue("Token", options.Token);
        }

        if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Encoding.UTF8.GetBytes(options.Username + ":" + options.Password);
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        }

        return null;
    }

    /// <summary>The server's error text: the <c>error</c> member of its JSON body, else the <c>X-Influxdb-Error</c> header, else the body.</summary>
    public static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("error", out var error) &&
                    error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }
            }
            catch (JsonException)
            {
                // Not InfluxDB's JSON (a proxy's HTML page, say): fall through to the header or raw text.
            }
        }

        if (response.Headers.TryGetValues("X-Influxdb-Error", out var values))
        {
            return string.Join("; ", values);
        }

        return string.IsNullOrWhiteSpace(body) ? null : body.Length > MaxErrorTextLength ? body[..MaxErrorTextLength] : body;
    }

    /// <summary>True when an exception means "no answer" (connection refused or reset, DNS, timeout), not the caller's cancellation.</summary>
    public static bool IsNoResponse(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException => true,
        _ => false,
    };

    public static string Describe(Exception exception, TimeSpan timeout) => exception is OperationCanceledException
        ? string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0.###} s")
        : exception.Message;

    public static bool IsTransientStatus(HttpStatusCode status) => InfluxException.IsTransientStatus(status);
}
