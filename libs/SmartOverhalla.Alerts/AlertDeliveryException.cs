namespace SmartOverhalla.Alerts;

/// <summary>A sink gave up on one alert. The message is safe to log: no URL path, no payload.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
