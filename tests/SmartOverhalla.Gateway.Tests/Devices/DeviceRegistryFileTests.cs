using System.Runtime.Versioning;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Devices;

namespace SmartOverhalla.Gateway.Tests.Devices;

/// <summary>The registry file on disk: written through the shared atomic writer, owner-only as before.</summary>
public sealed class DeviceRegistryFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("so-registry-file-");

    [Fact]
    public async Task SaveAsync_TwoDevices_LoadGivesThemBackAndNoTemporaryIsLeft()
    {
        var file = new DeviceRegistryFile(Path.Combine(_directory.FullName, "data", "device-registry.json"));
        var at = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
        RegisteredDevice[] devices =
        [
            new(DeviceKind.Watermeter, "wm-1", "overhalla", "district-inflow", "$7$101$salt$hash", at, at),
            new(DeviceKind.Streetlight, "l-1", "overhalla", null, "$7$101$salt$hash2", at, at),
        ];

        await file.SaveAsync(devices, TestContext.Current.CancellationToken);
        await file.SaveAsync(devices, TestContext.Current.CancellationToken);

        Assert.Equal(devices.OrderBy(d => d.Kind), file.Load());
        Assert.Equal([file.Path], Directory.GetFiles(Path.GetDirectoryName(file.Path)!));
    }

    [Fact]
    public void Load_AFileWrittenBeforeLoRaWan_LoadsItsDevicesWithoutDevEui()
    {
        var path = Path.Combine(_directory.FullName, "device-registry.json");
        File.WriteAllText(path, """
            { "version": 1, "devices": [ { "kind": "streetlight", "deviceId": "l-1", "municipality": "overhalla",
              "secretHash": "$7$101$salt$hash", "registeredAt": "2026-12-06T10:00:00+00:00", "secretChangedAt": "2026-12-06T10:00:00+00:00" } ] }
            """);

        var device = Assert.Single(new DeviceRegistryFile(path).Load());

        Assert.Null(device.DevEui);
        Assert.True(device.HasMqttLogin);
        Assert.Equal("$7$101$salt$hash", device.SecretHash);
    }

    [Fact]
    public async Task SaveAsync_ALoRaWanDevice_StoresItsDevEuiAndNoHash()
    {
        var file = new DeviceRegistryFile(Path.Combine(_directory.FullName, "device-registry.json"));
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        RegisteredDevice[] devices = [new(DeviceKind.Watermeter, "wm-0001", "overhalla", null, null, at, at, "70B3D5E75E000001")];

        await file.SaveAsync(devices, TestContext.Current.CancellationToken);

        var loaded = Assert.Single(file.Load());
        Assert.Equal(devices[0], loaded);
        Assert.False(loaded.HasMqttLogin);
        Assert.DoesNotContain("secretHash", await File.ReadAllTextAsync(file.Path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("70b3d5e75e000001", "70B3D5E75E000002")]
    [InlineData("70B3D5E75E000001", "70B3D5E75E000001")]
    [InlineData("70B3D5E75E00000", "70B3D5E75E000002")]
    public async Task Load_AHandEditedFileWithABadOrRepeatedDevEui_IsRefused(string first, string second)
    {
        var file = new DeviceRegistryFile(Path.Combine(_directory.FullName, "device-registry.json"));
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        await file.SaveAsync(
            [new(DeviceKind.Watermeter, "wm-1", "overhalla", null, null, at, at, first), new(DeviceKind.Watermeter, "wm-2", "overhalla", null, null, at, at, second)],
            TestContext.Current.CancellationToken);

        var error = Assert.Throws<InvalidDataException>(file.Load);
        Assert.Contains("devEui", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task SaveAsync_Always_WritesTheFileReadableByItsOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only");
        var file = new DeviceRegistryFile(Path.Combine(_directory.FullName, "device-registry.json"));

        await file.SaveAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
