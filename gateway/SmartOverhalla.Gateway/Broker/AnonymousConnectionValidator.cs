using Microsoft.Extensions.Logging;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Accepts every client, with or without credentials: device authentication is not enforced yet.
/// Replace this registration when device credentials arrive; nothing else has to change.
/// </summary>
internal sealed class AnonymousConnectionValidator(ILogger<AnonymousConnectionValidator> logger) : IBrokerConnectionValidator
{
    public Task ValidateAsync(ValidatingConnectionEventArgs connection)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Leaving ReasonCode at its default (Success) accepts the client.
        logger.ConnectionAcceptedAnonymously(connection.ClientId);
        return Task.CompletedTask;
    }
}
