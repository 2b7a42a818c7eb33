using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// Each commandable LoRaWAN light's <see cref="DownlinkRoute"/>, learnt from its uplinks: the network server, the
/// application and the device's name there are only known once it has been heard. Kept in memory: after a restart a
/// light is commandable again after its next uplink (a Class A device only listens after an uplink anyway).
/// </summary>
internal sealed class DownlinkRoutes
{
    private readonly ConcurrentDictionary<string, DownlinkRoute> _routes = new(StringComparer.Ordinal);

    public int Count => _routes.Count;

    public void Learn(string devEui, DownlinkRoute route) => _routes[devEui] = route;

    public bool TryFind(string devEui, [NotNullWhen(true)] out DownlinkRoute? route) => _routes.TryGetValue(devEui, out route);
}
