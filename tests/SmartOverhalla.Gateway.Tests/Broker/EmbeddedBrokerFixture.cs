using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>One running gateway with its embedded broker for a test class; tests isolate themselves by topic and client id.</summary>
public sealed class EmbeddedBrokerFixture : IAsyncLifetime
{
    private GatewayFactory? _gateway;

    internal GatewayFactory Gateway => _gateway ?? throw new InvalidOperationException("Gateway not started.");

    public int BrokerPort { get; private set; }

    public ValueTask InitializeAsync()
    {
        // These tests need no InfluxDB: only /health would look at it.
        _gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out var port).Start();
        BrokerPort = port;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
