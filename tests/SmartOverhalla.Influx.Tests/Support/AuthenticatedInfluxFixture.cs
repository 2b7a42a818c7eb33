using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Influx.Tests.Support;

/// <summary>xUnit class fixture: one real InfluxDB per test class with <c>auth-enabled = true</c> and an admin user.</summary>
public sealed class AuthenticatedInfluxFixture : IAsyncLifetime
{
    private InfluxServer? _server;

    public InfluxServer Server => _server ?? throw new InvalidOperationException("InfluxDB fixture not started.");

    public async ValueTask InitializeAsync() => _server = await InfluxServer.StartWithAuthenticationAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
