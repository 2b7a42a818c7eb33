namespace SmartOverhalla.Contracts.Validation;

/// <summary>What the field checks compare a payload with: the topic's device and the platform clock.</summary>
/// <param name="DeviceId">The deviceId of the topic the message arrived on.</param>
/// <param name="Now">The platform clock when validation started (one reading per message).</param>
internal readonly record struct FieldContext(string DeviceId, DateTimeOffset Now, TimeSpan MaxFutureSkew, TimeSpan MaxAge);
