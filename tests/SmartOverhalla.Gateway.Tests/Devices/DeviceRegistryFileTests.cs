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
