using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.ServiceDefaults;

namespace SmartOverhalla.Gateway.Tests.Infrastructure;

/// <summary>
/// Builds the gateway with the same calls as Program.cs, settings layered on top, for tests that expect the start
/// to fail. WebApplicationFactory is no use there: when the host fails to start, its deferred host races the
/// disposal and often reports an ObjectDisposedException instead of the real error.
/// </summary>
internal static class GatewayApplication
{
    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings).AddInMemoryCollection(settings);

        // Any free port: a start that wrongly succeeded must not collide with a gateway running on 5080.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        return app;
    }
}
