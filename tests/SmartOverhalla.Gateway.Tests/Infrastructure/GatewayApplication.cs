using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Gateway.Tests.Infrastructure;

/// <summary>
/// Builds the gateway with the same calls as Program.cs, settings layered on top: for tests that expect the start to
/// fail (WebApplicationFactory is no use there: when the host fails to start, its deferred host races the disposal and
/// often reports an ObjectDisposedException instead of the real error), and for tests that run it as a real
/// HTTP host with parts of their own (<see cref="StartAsync"/>).
/// </summary>
internal static class GatewayApplication
{
    public static WebApplication Build(
        IReadOnlyDictionary<string, string?> settings,
        string environment = "Development",
        Action<WebApplicationBuilder>? configure = null,
        string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings).AddInMemoryCollection(settings);

        // Any free port: a start that wrongly succeeded must not collide with a gateway running on 5080.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        return app;
    }

    /// <summary>Builds and starts it (Development); a gateway that fails to start is disposed before the error goes on.</summary>
    public static async Task<WebApplication> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder> configure, CancellationToken ct, string? contentRoot = null)
    {
        var app = Build(settings, configure: configure, contentRoot: contentRoot);
        try
        {
            await app.StartAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lighting control on <paramref name="policy"/> instead of the astronomical one, and, given <paramref name="logs"/>, every log record (Debug and up) captured there only.</summary>
    public static Action<WebApplicationBuilder> WithPolicy(ILightingPolicy policy, CapturedLogs? logs = null) => builder =>
    {
        if (logs is not null)
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton(policy);
    };
}
