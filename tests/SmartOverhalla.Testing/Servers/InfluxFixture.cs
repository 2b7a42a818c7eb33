using Xunit;

namespace SmartOverhalla.Testing.Servers;

/// <summary>xUnit class fixture: one real InfluxDB per test class. Tests still use their own database (<see cref="TestNames.Database"/>).</summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    private InfluxServer? _server;

    public InfluxServer Server => _server ?? throw new InvalidOperationException("InfluxDB fixture not started.");

    public Uri Url => Server.Url;

    public async ValueTask InitializeAsync() => _server = await InfluxServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
