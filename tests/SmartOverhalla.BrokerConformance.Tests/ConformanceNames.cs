namespace SmartOverhalla.BrokerConformance.Tests;

/// <summary>Client ids and topics of one test, so tests sharing a broker never see each other's messages.</summary>
internal static class ConformanceNames
{
    public static string Topic() => $"conformance/{Guid.NewGuid():N}";

    public static string ClientId(string role) => $"conf-{role}-{Guid.NewGuid().ToString("N")[..12]}";
}
