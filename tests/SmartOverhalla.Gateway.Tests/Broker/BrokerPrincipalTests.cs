using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Devices;
using SmartOverhalla.Gateway.Tests.Lighting;

namespace SmartOverhalla.Gateway.Tests.Broker;

/// <summary>A device's principal stays valid only while its registration and secret are the ones it was decided on.</summary>
public sealed class BrokerPrincipalTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("so-principal-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));
    private readonly DeviceRegistry _registry;
    private readonly DeviceKey _key = new(DeviceKind.Streetlight, "l-1");

    public BrokerPrincipalTests()
    {
        var options = Options.Create(new DevicesOptions { RegistryFile = Path.Combine(_dir.FullName, "registry.json") });
        _registry = new DeviceRegistry(options, new TestEnvironment { ContentRootPath = _dir.FullName }, _clock);
    }

    [Fact]
    public async Task A_device_principal_is_current_until_its_secret_changes_or_it_is_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, device) = await _registry.RegisterAsync(_key, "overhalla", null, null, "first-secret", ct);
        var decided = BrokerPrincipal.Device(device!.Username, device.Municipality, device.Kind, device.DeviceId, device.SecretChangedAt);
        Assert.True(decided.IsCurrentIn(_registry));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _registry.RotateSecretAsync(_key, "second-secret", ct);
        Assert.False(decided.IsCurrentIn(_registry));

        var rotated = _registry.Find(_key)!;
        var again = BrokerPrincipal.Device(rotated.Username, rotated.Municipality, rotated.Kind, rotated.DeviceId, rotated.SecretChangedAt);
        Assert.True(again.IsCurrentIn(_registry));

        await _registry.RemoveAsync(_key, ct);
        Assert.False(again.IsCurrentIn(_registry));
    }

    [Fact]
    public void Service_account_principals_do_not_depend_on_the_registry()
    {
        Assert.True(new BrokerPrincipal(BrokerRole.Gateway, "smartoverhalla-gateway").IsCurrentIn(_registry));
        Assert.True(new BrokerPrincipal(BrokerRole.Ingestion, "smartoverhalla-ingestion").IsCurrentIn(_registry));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
