using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Testing.Http;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (a tiny Kestrel app) for the alert webhook: records every POST and answers
/// each with the status <see cref="Answer"/> gives for its number (1-based); 200 unless told otherwise.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Part of the URL path standing for a token a chat or paging service would put there: it must never be logged.</summary>
    public const string Token = "T0KEN-s3cr3t";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookRequest> _requests = new();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Func<int, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<WebhookRequest> Requests => _requests;

    /// <summary>Requests the receiver answered with a 2xx: the deliveries.</summary>
    public IReadOnlyList<WebhookRequest> Delivered => [.. _requests.Where(r => r.Status is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{token}", async (HttpContext context, string token) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var number = Interlocked.Increment(ref receiver._count);
            var status = (int)receiver.Answer(number);
            receiver._requests.Enqueue(new WebhookRequest(number, token, context.Request.ContentType, context.Request.Headers["Idempotency-Key"].ToString(), body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync(ct);
        var port = new Uri(app.Urls.Single()).Port;
        receiver.Url = new Uri($"http://127.0.0.1:{port}/hooks/{Token}");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
