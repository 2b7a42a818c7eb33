using System.Globalization;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>A gateway whose embedded broker refuses anonymous clients and enforces the ACLs (as in production).</summary>
public sealed class SecuredEmbeddedBrokerFixture : IAsyncLifetime
{
    private GatewayFactory? _gateway;

    internal SecuredBroker Broker { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var port = FreeTcpPort.Next();
        var settings = SecuredBroker.Settings();
        settings["Broker:Mode"] = "Embedded";
        settings["Broker:Embedded:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString();
        _gateway = new GatewayFactory(settings).Start();
        Broker = new SecuredBroker(_gateway, port);
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
