using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Mqtt;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class DeadLetterPublisherTests
{
    [Fact]
    public async Task PublishAsync_BrokerNeverAnswersAndTheTimeoutPassesOnTheInjectedClock_GivesUp()
    {
        // Given a "broker" that accepts the connection and then says nothing, and a publish timeout no wall clock
        // in a test would wait for
        var ct = TestContext.Current.CancellationToken;
        using var silentBroker = new TcpListener(IPAddress.Loopback, 0);
        silentBroker.Start();
        var accepting = silentBroker.AcceptSocketAsync(ct).AsTask();
        var time = new FakeTimeProvider();
        var connection = new MqttConnectionOptions
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)silentBroker.LocalEndpoint).Port,
            ConnectTimeout = TimeSpan.FromMinutes(5),
        };
        await using var publisher = new DeadLetterPublisher(
            MsOptions.Create(new IngestionOptions()), MsOptions.Create(connection), time, NullLogger<DeadLetterPublisher>.Instance)
        {
            PublishTimeout = TimeSpan.FromHours(1),
        };
        var publishing = publisher.PublishAsync([Reject()], ct);
        using var accepted = await accepting.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, ct);
        Assert.False(publishing.IsCompleted);

        // When the timeout passes on the publisher's clock
        time.Advance(TimeSpan.FromHours(1));

        // Then the publish gives up (the feed is best effort) instead of waiting for the wall clock
        await publishing.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, ct);
    }

    private static RejectedMessage Reject() => new(
        "smartcity/v1/overhalla/streetlight/l1/telemetry",
        "{"u8.ToArray(),
        1,
        new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        [new ValidationProblem("$", RejectReasons.JsonMalformed, "not JSON")]);
}
