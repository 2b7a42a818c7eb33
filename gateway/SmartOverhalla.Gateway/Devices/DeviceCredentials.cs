namespace SmartOverhalla.Gateway.Devices;

/// <summary>A device with its new secret: returned once, by the request that made the secret; the gateway keeps only the hash.</summary>
internal sealed record DeviceCredentials(DeviceView Device, string Username, string Secret);
