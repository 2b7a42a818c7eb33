using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Posts line protocol to <c>/write</c> (InfluxDB 1.x HTTP API reference, "/write").</summary>
internal sealed class InfluxWriter(
    IHttpClientFactory httpClientFactory,
    IOptions<InfluxOptions> options,
    InfluxRetentionRouting routing,
    TimeProvider timeProvider,
    ILogger<InfluxWriter> logger) : IInfluxWriter
{
    // Typical telemetry line is ~100-150 bytes; start near that to avoid regrowing the body.
    private const int BytesPerPointEstimate = 160;
    private static readonly MediaTypeHeaderValue ContentType = new("text/plain") { CharSet = "utf-8" };

    private readonly InfluxOptions _options = options.Value;

    public Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) =>
        WriteAsync(points, retentionPolicy: null, cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PointData> points, string? retentionPolicy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return;
        }

        if (retentionPolicy is not null || !routing.HasRoutes)
        {
            await SendPointsAsync(points, retentionPolicy, cancellationToken);
            return;
        }

        // One request per policy. A transient failure ends the call at once (the next request would most likely fail
        // the same way); a refusal does not keep the other policies' points out: they are sent, and the first refusal
        // is thrown afterwards, so a partial write still means "every valid point is stored". Sending the same call
        // again overwrites what was stored with the same values.
        InfluxWriteException? refused = null;
        foreach (var group in routing.Split(points))
        {
            try
            {
                await SendPointsAsync(group.Points, group.RetentionPolicy, cancellationToken);
            }
            catch (InfluxWriteException ex) when (!ex.IsTransient)
            {
                refused ??= ex;
            }
        }

        if (refused is not null)
        {
            throw refused;
        }
    }

    private async Task SendPointsAsync(IReadOnlyList<PointData> points, string? retentionPolicy, CancellationToken cancellationToken)
    {
        using var body = new PooledBufferWriter(points.Count * BytesPerPointEstimate);
        LineProtocolWriter.Write(points, body);
        await SendAsync(body.WrittenMemory, points.Count, retentionPolicy, cancellationToken);
    }

    public async Task WriteLineProtocolAsync(ReadOnlyMemory<byte> lineProtocol, string? retentionPolicy, CancellationToken cancellationToken)
    {
        if (lineProtocol.IsEmpty)
        {
            return;
        }

        // Lines, for messages and logs: newlines, plus a last line that lacks one.
        var span = lineProtocol.Span;
        var lines = span.Count((byte)'\n') + (span[^1] == (byte)'\n' ? 0 : 1);
        await SendAsync(lineProtocol, lines, retentionPolicy, cancellationToken);
    }

    private async Task SendAsync(ReadOnlyMemory<byte> body, int count, string? retentionPolicy, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var client = httpClientFactory.CreateClient(InfluxServiceCollectionExtensions.HttpClientName);
        using var compressed = _options.CompressWrites ? Compress(body) : null;
        using var content = new ReadOnlyMemoryContent(compressed?.WrittenMemory ?? body);
        content.Headers.ContentType = ContentType;
        if (compressed is not null)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, CreateUri(retentionPolicy ?? _options.RetentionPolicy)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (InfluxHttp.IsNoResponse(ex, cancellationToken))
        {
            var reason = InfluxHttp.Describe(ex, client.Timeout);
            Log.WriteFailed(logger, count, _options.Database, null, reason);
            throw new InfluxWriteException($"InfluxDB write of {count} points to '{_options.Database}' at {client.BaseAddress} failed: {reason}.", null, null, isTransient: true, ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                Log.Wrote(logger, count, body.Length, _options.Database, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
                return;
            }

            var serverMessage = await InfluxHttp.ReadErrorAsync(response, cancellationToken);
            Log.WriteFailed(logger, count, _options.Database, response.StatusCode, serverMessage);
            throw new InfluxWriteException(
                $"InfluxDB refused the write of {count} points to '{_options.Database}': {(int)response.StatusCode} {response.ReasonPhrase}: {serverMessage}",
                response.StatusCode,
                serverMessage,
                InfluxHttp.IsTransientStatus(response.StatusCode));
        }
    }

    private Uri CreateUri(string? retentionPolicy)
    {
        // Always precision=ns: PointData timestamps are nanoseconds (HTTP API reference, "/write" query string).
        var query = "write?db=" + Uri.EscapeDataString(_options.Database) + "&precision=ns";
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            query += "&rp=" + Uri.EscapeDataString(retentionPolicy);
        }

        return new Uri(query, UriKind.Relative);
    }

    private static PooledBufferWriter Compress(ReadOnlyMemory<byte> body)
    {
        var output = new PooledBufferWriter(body.Length / 4);
        using (var gzip = new GZipStream(new BufferWriterStream(output), CompressionLevel.Fastest))
        {
            gzip.Write(body.Span);
        }

        return output;
    }
}
