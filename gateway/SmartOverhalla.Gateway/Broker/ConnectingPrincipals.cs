using System.Collections.Concurrent;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Hands the principal the connection validator decided for a connect over to that connection's session.
/// MQTTnet keeps an existing session (clean start off) together with its <c>Items</c> and drops the items the
/// validator filled for the new connect, so the principal of whoever held the session before would otherwise stay
/// in force. The validator stashes the principal by client id; <see cref="EmbeddedBroker"/> writes it into the
/// session when the client is connected, before any of its packets are processed.
/// </summary>
internal sealed class ConnectingPrincipals
{
    private readonly ConcurrentDictionary<string, BrokerPrincipal> _pending = new(StringComparer.Ordinal);

    /// <summary>How many connects were validated and are not yet connected (bounded by concurrent connects).</summary>
    public int Pending => _pending.Count;

    public void Stash(string clientId, BrokerPrincipal principal) => _pending[clientId] = principal;

    /// <summary>Puts the validated principal into <paramref name="sessionItems"/>; without one the key is removed (no rights).</summary>
    public BrokerPrincipal? Apply(string clientId, System.Collections.IDictionary sessionItems)
    {
        ArgumentNullException.ThrowIfNull(sessionItems);
        if (_pending.TryRemove(clientId, out var principal))
        {
            sessionItems[BrokerPrincipal.SessionItemKey] = principal;
            return principal;
        }

        sessionItems.Remove(BrokerPrincipal.SessionItemKey);
        return null;
    }

    /// <summary>A connect that was validated but then did not complete.</summary>
    public void Forget(string clientId) => _pending.TryRemove(clientId, out _);
}
