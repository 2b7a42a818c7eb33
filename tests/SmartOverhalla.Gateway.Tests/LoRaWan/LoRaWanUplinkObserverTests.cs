using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>A network server's uplinks as lighting control reads them: the light's level, its downlink route, and the uplink as an ack.</summary>
public sealed class LoRaWanUplinkObserverTests
{
    [Fact]
    public void Observe_LightUplink_ReportsItsLevelToTheLightState()
    {
        // Given a registered LoRaWAN light
        using var parts = new ObserverParts().WithLight();

        // When ChirpStack forwards its uplink reporting 70 %
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        // Then the light's twin has the reported level, at the network server's reception time
        Assert.Equal(70, parts.Light?.ReportedLevel);
        Assert.Equal(ObserverParts.Now, parts.Light?.ReportedAt);
        Assert.Null(parts.Light?.AckedLevel);
    }

    [Fact]
    public void Observe_TtsLightUplink_ReportsItsLevelToTheLightState()
    {
        using var parts = new ObserverParts().WithLight();

        parts.Observer.Observe(NetworkServerJson.TtsUpTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsUplink(35, ObserverParts.Now)));

        Assert.Equal(35, parts.Light?.ReportedLevel);
    }

    [Fact]
    public void Observe_LightUplinkOfACommandableProfile_LearnsWhereItsDownlinksGo()
    {
        using var parts = new ObserverParts().WithLight();

        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        Assert.True(parts.Routes.TryFind(NetworkServerJson.DevEui, out var route));
        Assert.Equal(LoRaWanNetwork.ChirpStack, route.Address.Network);
        Assert.Equal(NetworkServerJson.ChirpStackApplication, route.Address.Application);
        Assert.Equal(NetworkServerJson.DevEui, route.Address.DevEui);
        Assert.Equal("so-light-lora", route.ProfileName);
        Assert.Equal(new CommandProfile("dim-level-v1", 10, true), route.Commands);
    }

    [Fact]
    public void Observe_TtsLightUplink_LearnsTheApplicationTenantAndDeviceId()
    {
        using var parts = new ObserverParts().WithLight();

        parts.Observer.Observe(NetworkServerJson.TtsUpTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsUplink(35, ObserverParts.Now)));

        Assert.True(parts.Routes.TryFind(NetworkServerJson.DevEui, out var route));
        Assert.Equal(new SmartOverhalla.LoRaWan.Downlinks.DownlinkAddress(LoRaWanNetwork.TheThingsStack, "overhalla-lys", "overhalla", NetworkServerJson.DevEui, "sl-0042"), route.Address);
        Assert.Equal("so-light-lora-tts", route.ProfileName);
    }

    [Fact]
    public void Observe_LightRegisteredUnderAnotherId_KeepsItsStateUnderTheRegisteredIdAndItsRouteUnderTheNetworkServersName()
    {
        // Given the DevEUI registered as light lys-17, while TTS names the device sl-0042
        using var parts = new ObserverParts();
        parts.Registry.Add(new LoRaWanIdentity(NetworkServerJson.DevEui, "namsos", DeviceKind.Streetlight, "lys-17"));

        parts.Observer.Observe(NetworkServerJson.TtsUpTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsUplink(35, ObserverParts.Now)));

        // Then the twin is the registered light's; downlinks go to TTS's device
        Assert.Equal(35, parts.Store.Find("namsos", "lys-17")?.ReportedLevel);
        Assert.Null(parts.Light);
        Assert.True(parts.Routes.TryFind(NetworkServerJson.DevEui, out var route));
        Assert.Equal("sl-0042", route.Address.NetworkDeviceId);
    }

    [Fact]
    public void Observe_LightHeardThroughAnotherNetworkServer_FollowsItsLatestUplink()
    {
        // Given a light heard through ChirpStack
        using var parts = new ObserverParts().WithLight();
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        // When it is next heard through TTS (moved to another network)
        parts.Observer.Observe(NetworkServerJson.TtsUpTopic, NetworkServerJson.Sequence(NetworkServerJson.TtsUplink(70, ObserverParts.Now.AddMinutes(1))));

        // Then its downlinks go where it was last heard
        Assert.True(parts.Routes.TryFind(NetworkServerJson.DevEui, out var route));
        Assert.Equal(LoRaWanNetwork.TheThingsStack, route.Address.Network);
        Assert.Equal(1, parts.Routes.Count);
    }

    [Fact]
    public void Observe_LightUplinkOfAProfileWithoutCommands_ReportsTheLevelButLearnsNoRoute()
    {
        // Given a mapping whose light profile names no command encoder (a light that only reports)
        var mapping = UplinkMappingLoader.Parse(File.ReadAllText(NetworkServerJson.MappingFile)
            .Replace("    commands: { encoder: dim-level-v1, fPort: 10, confirmed: true }\n", string.Empty, StringComparison.Ordinal));
        Assert.All(mapping.Profiles, p => Assert.Null(p.Commands));
        using var parts = new ObserverParts(mapping).WithLight();

        // When its uplink arrives
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        // Then its level is known, but no downlink route: lighting control cannot command it
        Assert.Equal(70, parts.Light?.ReportedLevel);
        Assert.Equal(0, parts.Routes.Count);
    }

    [Fact]
    public void Observe_WaterMeterUplink_ChangesNothing()
    {
        // Given a registered LoRaWAN water meter (and the light)
        using var parts = new ObserverParts().WithLight();
        parts.Registry.Add(new LoRaWanIdentity(NetworkServerJson.WaterDevEui, NetworkServerJson.Municipality, DeviceKind.Watermeter, "wm-0001"));

        // When its uplink arrives
        parts.Observer.Observe(NetworkServerJson.ChirpStackWaterTopic, NetworkServerJson.Sequence(NetworkServerJson.Json("chirpstack-up-water.json")));

        // Then lighting control has no twin and no route for it: meters are the ingestion worker's alone
        Assert.Equal(0, parts.Store.Count);
        Assert.Equal(0, parts.Routes.Count);
        Assert.Empty(parts.ObserverLog.Collector.GetSnapshot());
    }

    [Fact]
    public void Observe_UnregisteredDevEui_ChangesNothing()
    {
        // Given a registry without the light's DevEUI
        using var parts = new ObserverParts();

        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        Assert.Equal(0, parts.Store.Count);
        Assert.Equal(0, parts.Routes.Count);
    }

    [Fact]
    public void Observe_DevEuiRegisteredAsAMeterSendingALightUplink_ChangesNothing()
    {
        // Given the light's DevEUI registered to a water meter
        using var parts = new ObserverParts();
        parts.Registry.Add(new LoRaWanIdentity(NetworkServerJson.DevEui, NetworkServerJson.Municipality, DeviceKind.Watermeter, "wm-0042"));

        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        Assert.Equal(0, parts.Store.Count);
        Assert.Equal(0, parts.Routes.Count);
    }

    [Fact]
    public void Observe_UplinkWithoutDim_ChangesNoLightState()
    {
        // Given a light with a pending command to 70 %
        using var parts = new ObserverParts().WithLight();
        var waiter = PendingCommand(parts, "cmd-70", 70);

        // When its uplink leaves out the dim level the contract requires
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(null, ObserverParts.Now)));

        // Then neither its reported level nor its command changed, and why is logged
        Assert.Null(parts.Light?.ReportedLevel);
        Assert.Equal("cmd-70", parts.Light?.PendingCmdId);
        Assert.False(waiter.IsCompleted);
        Assert.Contains(parts.ObserverLog.Collector.GetSnapshot(), r => r.Id.Id == 2202);
    }

    [Fact]
    public void Observe_UplinkWithALevelTheContractRefuses_ChangesNoLightState()
    {
        // Given a light with a pending command
        using var parts = new ObserverParts().WithLight();
        var waiter = PendingCommand(parts, "cmd-70", 70);

        // When its codec reports 170 % (translates, but the contract allows 0-100)
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(170, ObserverParts.Now)));

        Assert.Null(parts.Light?.ReportedLevel);
        Assert.False(waiter.IsCompleted);
        Assert.Contains(parts.ObserverLog.Collector.GetSnapshot(), r => r.Id.Id == 2202);
    }

    [Fact]
    public void Observe_UplinkNoProfileMatches_ChangesNothingAndWarns()
    {
        // Given a light whose device profile no profile of the mapping names
        using var parts = new ObserverParts().WithLight();
        var json = NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now);
        json["deviceInfo"]!["deviceProfileName"] = "Other-Light";
        json["deviceInfo"]!["deviceProfileId"] = Guid.NewGuid().ToString("D");

        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(json));

        Assert.Equal(0, parts.Store.Count);
        Assert.Equal(0, parts.Routes.Count);
        Assert.Contains(parts.ObserverLog.Collector.GetSnapshot(), r => r.Id.Id == 2201);
    }

    [Fact]
    public async Task Observe_UplinkReportingThePendingLevel_CompletesThatCommandsAck()
    {
        // Given a light whose command to 40 % waits for its ack
        using var parts = new ObserverParts().WithLight();
        var waiter = PendingCommand(parts, "cmd-40", 40);

        // When its next uplink reports 40 %
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(40, ObserverParts.Now)));

        // Then the command's sender gets an applied ack at 40 %
        Assert.True(waiter.IsCompletedSuccessfully);
        Assert.Equal(new CommandAck(NetworkServerJson.LightId, ObserverParts.Now, "cmd-40", AckResult.Applied, 40), await waiter);
        Assert.Equal(40, parts.Light?.ReportedLevel);
    }

    [Fact]
    public void Observe_UplinkReportingThePendingLevelWithNobodyWaiting_RecordsTheAckedLevel()
    {
        // Given a command pending from before a restart (no sender waits for it any more)
        using var parts = new ObserverParts().WithLight();
        parts.Store.Update(NetworkServerJson.Municipality, NetworkServerJson.LightId, s => s with { PendingCmdId = "cmd-40", PendingLevel = 40 });

        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(40, ObserverParts.Now)));

        Assert.Equal(40, parts.Light?.AckedLevel);
        Assert.Null(parts.Light?.PendingCmdId);
    }

    [Fact]
    public void Observe_UplinkReportingAnotherLevel_DoesNotCompleteThePendingAck()
    {
        // Given a light whose command to 40 % waits for its ack
        using var parts = new ObserverParts().WithLight();
        var waiter = PendingCommand(parts, "cmd-40", 40);

        // When its uplink still reports 70 % (sent before the downlink reached it)
        parts.Observer.Observe(NetworkServerJson.ChirpStackUpTopic, NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now)));

        // Then the command still waits; the reported level is the uplink's
        Assert.False(waiter.IsCompleted);
        Assert.Equal("cmd-40", parts.Light?.PendingCmdId);
        Assert.Equal(70, parts.Light?.ReportedLevel);
        Assert.Null(parts.Light?.AckedLevel);
    }

    [Fact]
    public void Observe_NotANetworkServerEvent_ChangesNothing()
    {
        using var parts = new ObserverParts().WithLight();
        var uplink = NetworkServerJson.Sequence(NetworkServerJson.ChirpStackUplink(70, ObserverParts.Now));

        parts.Observer.Observe("application/" + NetworkServerJson.ChirpStackApplication + "/device/70b3d5e75e0000a2/event/join", uplink);
        parts.Observer.Observe("smartcity/v1/overhalla/streetlight/sl-0042/telemetry", uplink);

        Assert.Equal(0, parts.Store.Count);
        Assert.Equal(0, parts.Routes.Count);
    }

    /// <summary>A command the dispatcher sent and waits for, as the light twin records it.</summary>
    internal static Task<CommandAck> PendingCommand(ObserverParts parts, string cmdId, int level)
    {
        parts.Store.Update(NetworkServerJson.Municipality, NetworkServerJson.LightId, s => s with { PendingCmdId = cmdId, PendingLevel = level });
        return parts.Pending.Register(cmdId);
    }
}
