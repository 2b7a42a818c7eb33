namespace SmartOverhalla.Gateway.Broker;

/// <summary>Tells whether the broker the platform depends on is usable right now (for <c>/health</c>).</summary>
internal interface IBrokerStatus
{
    Task<BrokerStatusReport> GetStatusAsync(CancellationToken cancellationToken);
}
