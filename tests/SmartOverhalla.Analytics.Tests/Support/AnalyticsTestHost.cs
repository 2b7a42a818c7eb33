using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Analytics.Tests.Support;

/// <summary>The real analytics host (its own AddAnalytics) on a fake clock, configured by explicit settings only, with its logs captured.</summary>
internal sealed class AnalyticsTestHost : IAsyncDisposable
{
    private AnalyticsTestHost(IHost host, CapturedLogs logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Builds the host; <paramref name="start"/> false leaves it unstarted (no scheduler), for calling a job directly.</summary>
    public static async Task<AnalyticsTestHost> StartAsync(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock, CancellationToken ct, bool start = true)
    {
        var (host, logs) = TestHost.Build(settings, builder => builder.AddAnalytics(), services => services.AddSingleton<TimeProvider>(clock));
        if (start)
        {
            await host.StartAsync(ct);
        }

        return new AnalyticsTestHost(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
