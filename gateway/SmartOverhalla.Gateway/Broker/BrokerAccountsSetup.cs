using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Completes the service accounts after binding. Embedded mode: a gateway account without a configured password gets
/// a random one for this process (the gateway is both the broker and its client, so nobody else needs it). External
/// mode: the gateway logs in to the external broker as its service account when <c>Broker:External</c> names no user.
/// </summary>
internal sealed class BrokerAccountsSetup : IPostConfigureOptions<BrokerOptions>
{
    public void PostConfigure(string? name, BrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gateway = options.Accounts.Gateway;
        if (options.Mode == BrokerMode.Embedded && !gateway.HasPassword)
        {
            gateway.Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        if (options.Mode == BrokerMode.External && string.IsNullOrEmpty(options.External.Username) && gateway.HasPassword)
        {
            options.External.Username = gateway.Username;
            options.External.Password = gateway.Password;
        }
    }
}
