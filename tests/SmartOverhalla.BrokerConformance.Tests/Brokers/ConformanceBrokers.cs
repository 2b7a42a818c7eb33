using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.BrokerConformance.Tests.Brokers;

/// <summary>
/// Both brokers, started once for the whole assembly: the gateway with its embedded broker and a real Mosquitto (from
/// the project's deploy/mosquitto config, anonymous clients admitted). Tests isolate themselves by client id and topic.
/// </summary>
public sealed class ConformanceBrokers : IAsyncLifetime
{
    private EmbeddedGateway? _gateway;
    private MosquittoServer? _mosquitto;

    public int PortOf(BrokerKind broker) => broker switch
    {
        BrokerKind.Embedded => (_gateway ?? throw new InvalidOperationException("Not started.")).BrokerPort,
        BrokerKind.Mosquitto => (_mosquitto ?? throw new InvalidOperationException("Not started.")).Port,
        _ => throw new ArgumentOutOfRangeException(nameof(broker)),
    };

    public async ValueTask InitializeAsync()
    {
        _gateway = new EmbeddedGateway().Start();
        _mosquitto = await MosquittoServer.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }
    }
}
