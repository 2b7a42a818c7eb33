using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Decides whether a client may connect to the embedded broker. The seam for device credentials
/// (design.md, Security): a later implementation checks the device registry and sets a refusing reason code.
/// </summary>
internal interface IBrokerConnectionValidator
{
    Task ValidateAsync(ValidatingConnectionEventArgs connection);
}
