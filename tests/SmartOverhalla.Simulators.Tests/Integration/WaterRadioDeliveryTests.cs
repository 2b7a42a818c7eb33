using System.Text.Json;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Simulators.Tests.Integration;

/// <summary>Water meters in live mode deliver as radio networks do: some readings twice, some late, overtaken by later ones.</summary>
public sealed class WaterRadioDeliveryTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Duplicated_readings_arrive_twice_with_the_same_ts_and_payload()
    {
        using var deadline = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadline.Token);

        // Given one water meter whose every reading the radio duplicates
        var municipality = TestNames.Municipality();
        await using var recorder = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, cancel.Token, "telemetry");
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, o =>
        {
            (o.Watermeters, o.MessagesPerDevice, o.WatermeterInterval) = (1, 4, TimeSpan.FromMilliseconds(100));
            o.Water.Radio.DuplicateProbability = 1;
        });

        // When it sends its four readings
        await simulator.Host.StartAsync(cancel.Token);
        await simulator.Host.WaitForShutdownAsync(cancel.Token);
        await recorder.FlushAsync(cancel.Token);

        // Then the broker delivered eight messages: each reading twice, byte for byte
        var telemetry = recorder.Messages.Where(m => m.Is(MessageType.Telemetry)).ToList();
        Assert.Equal(8, telemetry.Count);
        Assert.All(telemetry.GroupBy(m => Read(m).Ts), pair =>
        {
            Assert.Equal(2, pair.Count());
            Assert.Equal(pair.First().Payload, pair.Last().Payload);
        });
        Assert.Empty(simulator.Errors);
    }

    [Fact]
    public async Task Late_readings_keep_their_original_ts_and_arrive_after_later_ones()
    {
        using var deadline = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadline.Token);

        // Given one water meter reading every 100 ms whose radio delivers half the readings 350 ms late
        var municipality = TestNames.Municipality();
        await using var recorder = await MqttRecorder.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, cancel.Token, "telemetry");
        using var simulator = SimulatorHost.Create(mosquitto.Server.Port, municipality, o =>
        {
            (o.Watermeters, o.MessagesPerDevice, o.WatermeterInterval, o.Seed) = (1, 12, TimeSpan.FromMilliseconds(100), 3);
            o.Water.Radio.LateProbability = 0.5;
            o.Water.Radio.LateDelay = TimeSpan.FromMilliseconds(350);
        });

        // When it has taken its twelve readings (held ones still go out before it stops)
        await simulator.Host.StartAsync(cancel.Token);
        await simulator.Host.WaitForShutdownAsync(cancel.Token);
        await recorder.FlushAsync(cancel.Token);

        // Then each of the twelve readings arrived once, with the ts it was taken at, and some after readings taken later
        var received = recorder.Messages.Where(m => m.Is(MessageType.Telemetry)).Select(Read).ToList();
        Assert.Equal(12, received.Count);
        Assert.Equal(12, received.Select(r => r.Ts).Distinct().Count());
        Assert.Equal(received.Select(r => r.Ts).Order(), simulator.Observer.Of(MessageType.Telemetry).Select(m => m.Ts).Order());
        Assert.Contains(Enumerable.Range(1, received.Count - 1), i => received[i].Ts < received[i - 1].Ts);
        for (var i = 1; i < received.Count; i++)
        {
            // The register of a reading taken later is never below one taken earlier, however they arrive.
            var earlier = received.Where(r => r.Ts < received[i].Ts).Select(r => r.VolumeL).DefaultIfEmpty(0).Max();
            Assert.True(received[i].VolumeL >= earlier);
        }

        Assert.Empty(simulator.Errors);
    }

    private static WatermeterTelemetry Read(ReceivedMessage message) =>
        JsonSerializer.Deserialize(message.Payload, ContractJsonContext.Default.WatermeterTelemetry) ?? throw new InvalidOperationException("empty telemetry");
}
