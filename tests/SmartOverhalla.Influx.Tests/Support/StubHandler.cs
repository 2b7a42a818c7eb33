using System.Collections.Concurrent;
using System.Net;

namespace SmartOverhalla.Influx.Tests.Support;

/// <summary>An HTTP handler that records each request (with its body) and answers with <see cref="Respond"/>.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));

    public static StubHandler Answering(HttpStatusCode status, string? jsonBody = null) => new()
    {
        Respond = (_, _) => Task.FromResult(new HttpResponseMessage(status)
        {
            Content = jsonBody is null ? null : new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json"),
        }),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ContentEncoding.ToArray() ?? [],
            body));
        return await Respond(request, cancellationToken);
    }
}
