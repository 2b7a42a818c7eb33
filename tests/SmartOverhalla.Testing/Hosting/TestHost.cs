using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Testing.Hosting;

/// <summary>
/// Builds a real generic host for a component under test from explicit settings only (no appsettings.json,
/// no environment), with its logs captured.
/// </summary>
public static class TestHost
{
    public static (IHost Host, CapturedLogs Logs) Build(
        IReadOnlyDictionary<string, string?> settings,
        Action<HostApplicationBuilder> addComponent,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(addComponent);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(TimeProvider.System);
        addComponent(builder);
        configureServices?.Invoke(builder.Services);
        return (builder.Build(), logs);
    }
}
