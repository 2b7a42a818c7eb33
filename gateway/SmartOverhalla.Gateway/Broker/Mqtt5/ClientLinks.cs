using System.Net;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// The accepted connections, by client id and remote end point: a client id may briefly have two (a new connection
/// validated while the old one still runs, or before the old one's close has been handled), and each is removed only
/// by its own disconnect.
/// </summary>
internal sealed class ClientLinks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ClientLink>> _links = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _links.Values.Sum(l => l.Count);
            }
        }
    }

    public void Add(ClientLink link)
    {
        lock (_gate)
        {
            if (!_links.TryGetValue(link.ClientId, out var links))
            {
                _links[link.ClientId] = links = [];
            }

            links.Add(link);
        }
    }

    /// <summary>The link of exactly this connection, or null.</summary>
    public ClientLink? Find(string? clientId, EndPoint? remoteEndPoint)
    {
        if (clientId is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_links.TryGetValue(clientId, out var links))
            {
                foreach (var link in links)
                {
                    if (link.Is(clientId, remoteEndPoint))
                    {
                        return link;
                    }
                }
            }

            return null;
        }
    }

    /// <summary>Whether the client id has an accepted connection now.</summary>
    public bool IsConnected(string clientId)
    {
        lock (_gate)
        {
            return _links.ContainsKey(clientId);
        }
    }

    /// <summary>Removes the link of this connection; <c>Others</c> tells whether the client id has another one.</summary>
    public (ClientLink? Link, bool Others) Remove(string? clientId, EndPoint? remoteEndPoint)
    {
        if (clientId is null)
        {
            return (null, false);
        }

        lock (_gate)
        {
            if (!_links.TryGetValue(clientId, out var links))
            {
                return (null, false);
            }

            var link = links.Find(l => l.Is(clientId, remoteEndPoint));
            if (link is not null)
            {
                links.Remove(link);
            }

            if (links.Count == 0)
            {
                _links.Remove(clientId);
            }

            return (link, links.Count > 0);
        }
    }

    /// <summary>Removes every link and returns them.</summary>
    public List<ClientLink> Clear()
    {
        lock (_gate)
        {
            var all = _links.Values.SelectMany(l => l).ToList();
            _links.Clear();
            return all;
        }
    }
}
