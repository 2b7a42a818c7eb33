using System.Net;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>The current connection of every connected client id (at most one: a new one takes the id over).</summary>
internal sealed class ClientLinks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClientLink> _links = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _links.Count;
            }
        }
    }

    public void Add(ClientLink link)
    {
        lock (_gate)
        {
            _links[link.ClientId] = link;
        }
    }

    /// <summary>The link of exactly this connection, or null when the client id has a newer one (or none).</summary>
    public ClientLink? Find(string? clientId, EndPoint? remoteEndPoint)
    {
        if (clientId is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _links.TryGetValue(clientId, out var link) && link.Is(clientId, remoteEndPoint) ? link : null;
        }
    }

    /// <summary>Removes and returns the link of this connection; null when the client id has a newer one.</summary>
    public ClientLink? Remove(string? clientId, EndPoint? remoteEndPoint)
    {
        if (clientId is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _links.TryGetValue(clientId, out var link) && link.Is(clientId, remoteEndPoint) && _links.Remove(clientId) ? link : null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _links.Clear();
        }
    }
}
