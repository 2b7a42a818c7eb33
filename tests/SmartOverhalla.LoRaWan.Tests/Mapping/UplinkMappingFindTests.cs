using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Tests.Mapping;

public sealed class UplinkMappingFindTests
{
    private const string AppId = "0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11";
    private const string ProfileId = "4a2b0e52-3bde-4a53-9b8c-8d0f1d6c2a10";

    /// <summary>Water profiles at each level of specificity, in the least-specific-first order, so a "first match wins" bug would show.</summary>
    private static readonly UplinkMapping Mapping = UplinkMappingLoader.Parse(
        MappingYaml.Water(match: "{ network: chirpstack, application: vannmalere }").Replace("so-water-lora", "by-application", StringComparison.Ordinal)
        + MappingYaml.AnotherWater("by-device-profile", "{ network: chirpstack, deviceProfile: SO-Water-LoRa }")
        + MappingYaml.AnotherWater("by-both", "{ network: chirpstack, application: vannmalere, deviceProfile: SO-Water-LoRa }")
        + MappingYaml.AnotherWater("by-application-id", $"{{ network: chirpstack, application: {AppId}, deviceProfile: SO-Water-LoRa-2 }}")
        + MappingYaml.AnotherWater("by-device-profile-id", $"{{ network: chirpstack, deviceProfile: {ProfileId} }}")
        + MappingYaml.AnotherWater("tts-by-model", "{ network: tts, deviceProfile: smartoverhalla/so-water-lora }")
        + MappingYaml.AnotherWater("tts-by-application", "{ network: tts, application: overhalla-vann }"));

    private static NetworkUplink ChirpStack(string? applicationName = "vannmalere", string? deviceProfile = "SO-Water-LoRa", string deviceProfileId = "00000000-0000-0000-0000-000000000000") =>
        new(LoRaWanNetwork.ChirpStack, AppId, applicationName, null, deviceProfile, deviceProfileId, "70B3D5E75E000001", "wm-0001", 1, 2, DateTimeOffset.UnixEpoch, null, default);

    private static NetworkUplink Tts(string application, string? model) =>
        new(LoRaWanNetwork.TheThingsStack, application, application, null, model, null, "70B3D5E75E000001", "wm-0001", 1, 2, DateTimeOffset.UnixEpoch, null, default);

    [Fact]
    public void Find_ApplicationAndDeviceProfileMatch_MostSpecificWins() =>
        Assert.Equal("by-both", Mapping.Find(ChirpStack())!.Name);

    [Fact]
    public void Find_OnlyDeviceProfileMatches_DeviceProfileBeatsNothing() =>
        Assert.Equal("by-device-profile", Mapping.Find(ChirpStack(applicationName: "gatelys"))!.Name);

    [Fact]
    public void Find_OnlyApplicationMatches_ApplicationProfile() =>
        Assert.Equal("by-application", Mapping.Find(ChirpStack(deviceProfile: "Other-Meter"))!.Name);

    [Fact]
    public void Find_ApplicationById_Matches()
    {
        // Given an uplink whose application name matches nothing but whose id does
        var uplink = ChirpStack(applicationName: "renamed", deviceProfile: "SO-Water-LoRa-2");

        Assert.Equal("by-application-id", Mapping.Find(uplink)!.Name);
    }

    [Fact]
    public void Find_DeviceProfileById_Matches() =>
        Assert.Equal("by-device-profile-id", Mapping.Find(ChirpStack(applicationName: "renamed", deviceProfile: "renamed", deviceProfileId: ProfileId))!.Name);

    [Fact]
    public void Find_NoApplicationNameOrDeviceProfile_NoMatch() =>
        Assert.Null(Mapping.Find(ChirpStack(applicationName: null, deviceProfile: null)));

    [Fact]
    public void Find_NothingMatches_IsNull() =>
        Assert.Null(Mapping.Find(ChirpStack(applicationName: "gatelys", deviceProfile: "SO-Light-LoRa")));

    [Fact]
    public void Find_SameNamesOnTheOtherNetwork_DoNotMatch()
    {
        // Given a TTS uplink named like the ChirpStack profiles
        var uplink = new NetworkUplink(LoRaWanNetwork.TheThingsStack, "vannmalere", "vannmalere", null, "SO-Water-LoRa", null, "70B3D5E75E000001", "wm-0001", 1, 2, DateTimeOffset.UnixEpoch, null, default);

        Assert.Null(Mapping.Find(uplink));
    }

    [Fact]
    public void Find_Tts_ModelBeatsApplication() =>
        Assert.Equal("tts-by-model", Mapping.Find(Tts("overhalla-vann", "smartoverhalla/so-water-lora"))!.Name);

    [Fact]
    public void Find_TtsWithoutVersionIds_FallsBackToApplication() =>
        Assert.Equal("tts-by-application", Mapping.Find(Tts("overhalla-vann", null))!.Name);

    [Fact]
    public void Find_MatchIsCaseSensitive()
    {
        // ChirpStack and TTS names are compared as written: a different case is a different profile
        Assert.Equal("by-application", Mapping.Find(ChirpStack(deviceProfile: "so-water-lora"))!.Name);
    }

    [Fact]
    public void Find_ShippedMappingAndFixtures_FindTheirProfiles()
    {
        var shipped = UplinkMappingLoader.Load(Fixture.PathOf("uplink-mapping.yaml"));

        Assert.Equal("so-water-lora", shipped.Find(Fixture.Uplink(Fixture.ChirpStackWaterTopic, "chirpstack-up-water.json"))!.Name);
        Assert.Equal("so-light-lora", shipped.Find(Fixture.Uplink(Fixture.ChirpStackLightTopic, "chirpstack-up-light.json"))!.Name);
        Assert.Equal("so-water-lora-tts", shipped.Find(Fixture.Uplink(Fixture.TtsWaterTopic, "tts-up-water.json"))!.Name);
        Assert.Equal("so-light-lora-tts", shipped.Find(Fixture.Uplink(Fixture.TtsLightTopic, "tts-up-light.json"))!.Name);
    }
}
