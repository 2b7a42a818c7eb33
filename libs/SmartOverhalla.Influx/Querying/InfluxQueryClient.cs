using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Runs InfluxQL through <c>/query</c> (InfluxDB 1.x HTTP API reference, "/query").</summary>
internal sealed class InfluxQueryClient(
    IHttpClientFactory httpClientFactory,
    IOptions<InfluxOptions> options,
    ILogger<InfluxQueryClient> logger) : IInfluxQueryClient
{
    private readonly InfluxOptions _options = options.Value;

    public async Task<InfluxQueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);
        var client = httpClientFactory.CreateClient(InfluxServiceCollectionExtensions.HttpClientName);

        // epoch=ns: times as integers, exact to the nanosecond and free of date parsing.
        var query = "query?db=" + Uri.EscapeDataString(_options.Database) + "&epoch=ns";
        using var request = InfluxQlStatements.IsReadOnly(influxQl)
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(query + "&q=" + Uri.EscapeDataString(influxQl), UriKind.Relative))
            : new HttpRequestMessage(HttpMethod.Post, new Uri(query, UriKind.Relative))
            {
                // The API refuses writes (CREATE, DROP, SELECT INTO, ...) through GET; q goes in a form body.
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", influxQl)]),
            };

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (InfluxHttp.IsNoResponse(ex, cancellationToken))
        {
            var reason = InfluxHttp.Describe(ex, client.Timeout);
            Log.QueryFailed(logger, _options.Database, null, reason);
            throw new InfluxQueryException($"InfluxDB query on '{_options.Database}' at {client.BaseAddress} failed: {reason}.", null, null, isTransient: true, innerException: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var serverMessage = await InfluxHttp.ReadErrorAsync(response, cancellationToken);
                Log.QueryFailed(logger, _options.Database, response.StatusCode, serverMessage);
                throw new InfluxQueryException(
                    $"InfluxDB refused the query on '{_options.Database}': {(int)response.StatusCode} {response.ReasonPhrase}: {serverMessage}",
                    response.StatusCode,
                    serverMessage,
                    InfluxHttp.IsTransientStatus(response.StatusCode));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
            try
            {
                // One clone of the whole answer: the rows outlive the pooled document they were parsed from.
                return InfluxQueryResponseParser.Parse(document.RootElement.Clone(), response.StatusCode);
            }
            catch (InfluxQueryException ex)
            {
                Log.QueryFailed(logger, _options.Database, response.StatusCode, ex.ServerMessage);
                throw;
            }
        }
    }
}
