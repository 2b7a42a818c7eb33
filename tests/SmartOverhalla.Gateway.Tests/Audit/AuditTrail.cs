using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Tests.Audit;

/// <summary>The durable audit log on its own (as the gateway registers it), against a real InfluxDB, logs captured.</summary>
internal sealed class AuditTrail : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AuditTrail(Uri influxUrl, string database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug))
            .AddInfluxDb(options =>
            {
                options.Url = influxUrl;
                options.Database = database;
                options.Timeout = TimeSpan.FromSeconds(2);
            })
            .AddInfluxAuditLog(configuration)
            .BuildServiceProvider();
        Log = _services.GetRequiredService<InfluxAuditLog>();
    }

    public InfluxAuditLog Log { get; }

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public Task StartAsync(CancellationToken ct) => Log.StartAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await Log.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
