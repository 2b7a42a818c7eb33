using Xunit;

namespace SmartOverhalla.Testing.Servers;

/// <summary>xUnit class fixture: one real Mosquitto per test class, so classes never share data.</summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    private MosquittoServer? _server;

    public MosquittoServer Server => _server ?? throw new InvalidOperationException("Mosquitto fixture not started.");

    public async ValueTask InitializeAsync() => _server = await MosquittoServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
