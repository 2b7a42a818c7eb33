using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// The device registry: every device with the hash of its secret, persisted to <c>Devices:RegistryFile</c>.
/// Reads (the broker checks every connect) take an immutable snapshot without locking; changes are serialised,
/// written to the file before they count, and then announced through <see cref="Changed"/> (Mosquitto's files).
/// Secrets are never kept: they leave in the response to the one request that made them.
/// </summary>
internal sealed class DeviceRegistry
{
    private readonly DeviceRegistryFile _file;
    private readonly int _hashIterations;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot _snapshot;

    public DeviceRegistry(IOptions<DevicesOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _file = new DeviceRegistryFile(Path.GetFullPath(options.Value.RegistryFile, environment.ContentRootPath));
        _hashIterations = options.Value.HashIterations;
        _time = time;
        _snapshot = new Snapshot(_file.Load());
    }

    /// <summary>
    /// Raised after a change is stored, on the changing thread (handlers must be quick and must not throw), with the
    /// device whose credentials stopped being valid (rotated or removed), or null when devices were only added.
    /// </summary>
    public event Action<DeviceKey?>? Changed;

    public string FilePath => _file.Path;

    public IReadOnlyCollection<RegisteredDevice> All => _snapshot.ByKey.Values;

    public RegisteredDevice? Find(DeviceKey key) => _snapshot.ByKey.GetValueOrDefault(key);

    public RegisteredDevice? FindByUsername(string username) => _snapshot.ByUsername.GetValueOrDefault(username);

    /// <summary>Registers a new device with <paramref name="secret"/> (hashed here); <see cref="RegistryChange.AlreadyRegistered"/> when its kind and id are taken, <see cref="RegistryChange.DeviceIdInUse"/> when another kind has the id.</summary>
    public async Task<(RegistryChange Outcome, RegisteredDevice? Device)> RegisterAsync(
        DeviceKey key, string municipality, string? role, string secret, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var device = new RegisteredDevice(key.Kind, key.DeviceId, municipality, role, SecretHash.Create(secret, _hashIterations), now, now);
        return await ChangeAsync(
            devices => devices.TryGetValue(key, out var existing) ? (RegistryChange.AlreadyRegistered, existing)
                : OtherKindWithId(devices, key) is { } other ? (RegistryChange.DeviceIdInUse, other)
                : devices.TryAdd(key, device) ? (RegistryChange.Done, device) : (RegistryChange.AlreadyRegistered, devices[key]),
            revoked: null,
            cancellationToken);
    }

    /// <summary>Registers each of <paramref name="devices"/> not yet registered, with the secret <paramref name="secretOf"/> gives; returns how many were added.</summary>
    public async Task<int> ImportAsync(
        IReadOnlyCollection<(DeviceKey Key, string Municipality, string? Role)> devices, Func<string, string> secretOf, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var (_, added) = await ChangeAsync(
            current =>
            {
                var count = 0;
                foreach (var (key, municipality, role) in devices)
                {
                    // An id taken by a device of another kind is left out: ids are MQTT client ids and must be unique.
                    if (!current.ContainsKey(key) && OtherKindWithId(current, key) is null)
                    {
                        var username = DeviceUsername.Of(municipality, key.Kind, key.DeviceId);
                        current[key] = new RegisteredDevice(key.Kind, key.DeviceId, municipality, role, SecretHash.Create(secretOf(username), _hashIterations), now, now);
                        count++;
                    }
                }

                return (count > 0 ? RegistryChange.Done : RegistryChange.Unchanged, count);
            },
            revoked: null,
            cancellationToken);
        return added;
    }

    private static RegisteredDevice? OtherKindWithId(Dictionary<DeviceKey, RegisteredDevice> devices, DeviceKey key) =>
        devices.Values.FirstOrDefault(d => d.Kind != key.Kind && string.Equals(d.DeviceId, key.DeviceId, StringComparison.Ordinal));

    /// <summary>Gives the device a new secret; the old one stops working at once (for new connections).</summary>
    public async Task<(RegistryChange Outcome, RegisteredDevice? Device)> RotateSecretAsync(DeviceKey key, string secret, CancellationToken cancellationToken)
    {
        var hash = SecretHash.Create(secret, _hashIterations);
        return await ChangeAsync(
            devices =>
            {
                if (!devices.TryGetValue(key, out var device))
                {
                    return (RegistryChange.NotFound, (RegisteredDevice?)null);
                }

                var rotated = device with { SecretHash = hash, SecretChangedAt = _time.GetUtcNow() };
                devices[key] = rotated;
                return (RegistryChange.Done, rotated);
            },
            key,
            cancellationToken);
    }

    public async Task<RegistryChange> RemoveAsync(DeviceKey key, CancellationToken cancellationToken)
    {
        var (outcome, _) = await ChangeAsync(
            devices => devices.Remove(key) ? (RegistryChange.Done, 0) : (RegistryChange.NotFound, 0),
            key,
            cancellationToken);
        return outcome;
    }

    /// <summary>Applies <paramref name="change"/> to a copy; when it reports <see cref="RegistryChange.Done"/>, stores the copy and only then publishes it.</summary>
    private async Task<(RegistryChange Outcome, T Result)> ChangeAsync<T>(
        Func<Dictionary<DeviceKey, RegisteredDevice>, (RegistryChange Outcome, T Result)> change, DeviceKey? revoked, CancellationToken cancellationToken)
    {
        (RegistryChange Outcome, T Result) applied;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var devices = new Dictionary<DeviceKey, RegisteredDevice>(_snapshot.ByKey);
            applied = change(devices);
            if (applied.Outcome != RegistryChange.Done)
            {
                return applied;
            }

            await _file.SaveAsync(devices.Values, cancellationToken);
            _snapshot = new Snapshot(devices.Values);
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke(revoked);
        return applied;
    }

    /// <summary>An immutable view of the registry, indexed both ways.</summary>
    private sealed class Snapshot(IEnumerable<RegisteredDevice> devices)
    {
        public FrozenDictionary<DeviceKey, RegisteredDevice> ByKey { get; } = devices.ToFrozenDictionary(d => d.Key);

        public FrozenDictionary<string, RegisteredDevice> ByUsername { get; } = devices.ToFrozenDictionary(d => d.Username, StringComparer.Ordinal);
    }
}
