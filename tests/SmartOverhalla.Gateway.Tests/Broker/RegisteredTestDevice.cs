namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>A device registered through the gateway's API, with the secret the API returned once.</summary>
internal sealed record RegisteredTestDevice(string Municipality, string Kind, string DeviceId, string Username, string Secret)
{
    public string Topic(string message) => $"smartcity/v1/{Municipality}/{Kind}/{DeviceId}/{message}";
}
