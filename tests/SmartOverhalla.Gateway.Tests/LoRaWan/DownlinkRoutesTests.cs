using Microsoft.Extensions.Logging.Testing;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>Downlink routes outlive a gateway restart, so lights are commanded at once after one.</summary>
public sealed class DownlinkRoutesTests
{
    private static readonly DownlinkRoute ChirpStackRoute = new(
        new DownlinkAddress(LoRaWanNetwork.ChirpStack, "5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33", null, "70B3D5E75E0000A2", "sl-0042"),
        new CommandProfile("dim-level-v1", 10, true),
        "so-light-lora");

    private static readonly DownlinkRoute TtsRoute = new(
        new DownlinkAddress(LoRaWanNetwork.TheThingsStack, "overhalla-lys", "overhalla", "70B3D5E75E0000A3", "sl-0043"),
        new CommandProfile("dim-level-v1", 12, false),
        "so-light-lora-tts");

    [Fact]
    public void Learn_ThenANewInstanceOnTheSameFile_FindsEveryRoute()
    {
        // Given routes learnt by one gateway process
        using var folder = new TempDirectory("lorawan-routes");
        var path = folder.File("data/lorawan-routes.json");
        var before = new DownlinkRoutes(path, new FakeLogger<DownlinkRoutes>());
        before.Learn("70B3D5E75E0000A2", ChirpStackRoute);
        before.Learn("70B3D5E75E0000A3", TtsRoute);

        // When the next one starts on the same file
        var after = new DownlinkRoutes(path, new FakeLogger<DownlinkRoutes>());

        // Then it knows both, exactly
        Assert.True(after.TryFind("70B3D5E75E0000A2", out var chirp));
        Assert.Equal(ChirpStackRoute, chirp);
        Assert.True(after.TryFind("70B3D5E75E0000A3", out var tts));
        Assert.Equal(TtsRoute, tts);
    }

    [Fact]
    public void New_UnreadableFile_StartsEmptyAndWarns()
    {
        using var folder = new TempDirectory("lorawan-routes");
        var path = folder.File("lorawan-routes.json");
        File.WriteAllText(path, "{ not json");
        var log = new FakeLogger<DownlinkRoutes>();

        var routes = new DownlinkRoutes(path, log);

        Assert.Equal(0, routes.Count);
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Id.Id == 2210);
    }
}
