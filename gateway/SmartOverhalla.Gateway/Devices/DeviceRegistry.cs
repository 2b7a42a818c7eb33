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

    public RegisteredDevice? FindByDevEui(string devEui) => _snapshot.ByDevEui.GetValueOrDefault(devEui);

    /// <summary>
    /// Registers a new device: an MQTT device with <paramref name="secret"/> (hashed here), or a LoRaWAN device with
    /// <paramref name="devEui"/> and no secret (it has no MQTT login). <see cref="RegistryChange.AlreadyRegistered"/>
    /// when its kind and id are taken, <see cref="RegistryChange.DeviceIdInUse"/> when another kind has the id,
    /// <see cref="RegistryChange.DevEuiInUse"/> when another device has the DevEUI; the device returned is then the one in the way.
    /// </summary>
    public async Task<(RegistryChange Outcome, RegisteredDevice? Device)> RegisterAsync(
        DeviceKey key, string municipality, string? role, string? devEui, string? secret, CancellationToken cancellationToken)
    {
        if ((devEui is null) == (secret is null))
        {
            throw new ArgumentException("An MQTT device needs a secret; a LoRaWAN device (with a DevEUI) must not have one.", nameof(secret));
        }

        var now = _time.GetUtcNow();
        var device = new RegisteredDevice(key.Kind, key.DeviceId, municipality, role, secret is null ? null : SecretHash.Create(secret, _hashIterations), now, now, devEui);
        return await ChangeAsync(
            devices => devices.TryGetValue(key, out var existing) ? (RegistryChange.AlreadyRegistered, existing)
                : OtherKindWithId(devices, key) is { } other ? (RegistryChange.DeviceIdInUse, other)
                : HolderOf(devices, devEui) is { } holder ? (RegistryChange.DevEuiInUse, holder)
                : devices.TryAdd(key, device) ? (RegistryChange.Done, device) : (RegistryChange.AlreadyRegistered, devices[key]),
            revoked: null,
            cancellationToken);
    }

    /// <summary>
    /// Registers each of <paramref name="devices"/> not yet registered: an MQTT device with the secret
    /// <paramref name="secretOf"/> gives for its user name, a LoRaWAN device without one. Registered devices are left
    /// as they are, except how they reach the platform: a listed DevEUI that differs from the registered one (or its
    /// absence) is applied, with the secret that goes with it (none for a LoRaWAN device), so the file stays the truth
    /// for that. A device whose id another kind has, or whose DevEUI another device has, is left out and reported in
    /// <see cref="FleetImportResult.Conflicts"/>.
    /// </summary>
    public async Task<FleetImportResult> ImportAsync(IReadOnlyCollection<FleetEntry> devices, Func<string, string> secretOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(secretOf);
        var now = _time.GetUtcNow();
        var conflicts = new List<FleetImportConflict>();
        var changed = 0;
        var (_, added) = await ChangeAsync(
            current =>
            {
                conflicts.Clear();
                changed = 0;
                var count = 0;
                var byDevEui = current.Values.Where(d => d.DevEui is not null).ToDictionary(d => d.DevEui!, DevEui.Comparer);
                foreach (var entry in devices)
                {
                    var key = entry.Key;
                    if (current.TryGetValue(key, out var registered))
                    {
                        if (string.Equals(registered.DevEui, entry.DevEui, StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        // The file says how the device reaches the platform now: through a network server (its DevEUI,
                        // no MQTT login), or itself again (a login with the fleet-key secret, no DevEUI).
                        if (entry.DevEui is not null && byDevEui.TryGetValue(entry.DevEui, out var taken))
                        {
                            conflicts.Add(new FleetImportConflict(entry, $"DevEUI in use by {taken.Key}; left as registered"));
                            continue;
                        }

                        var switched = registered with
                        {
                            DevEui = entry.DevEui,
                            SecretHash = entry.DevEui is null ? SecretHash.Create(secretOf(DeviceUsername.Of(registered.Municipality, key.Kind, key.DeviceId)), _hashIterations) : null,
                            SecretChangedAt = now,
                        };
                        current[key] = switched;
                        if (registered.DevEui is not null)
                        {
                            byDevEui.Remove(registered.DevEui);
                        }

                        if (switched.DevEui is not null)
                        {
                            byDevEui[switched.DevEui] = switched;
                        }

                        changed++;
                        continue;
                    }

                    // Ids are MQTT client ids and DevEUIs name one device each: a device colliding with another is left out.
                    if (OtherKindWithId(current, key) is { } other)
                    {
                        conflicts.Add(new FleetImportConflict(entry, $"id in use by {other.Key}; not registered"));
                        continue;
                    }

                    if (entry.DevEui is not null && byDevEui.TryGetValue(entry.DevEui, out var holder))
                    {
                        conflicts.Add(new FleetImportConflict(entry, $"DevEUI in use by {holder.Key}; not registered"));
                        continue;
                    }

                    var hash = entry.DevEui is null
                        ? SecretHash.Create(secretOf(DeviceUsername.Of(entry.Municipality, key.Kind, key.DeviceId)), _hashIterations)
                        : null;
                    var device = new RegisteredDevice(key.Kind, key.DeviceId, entry.Municipality, entry.Role, hash, now, now, entry.DevEui);
                    current[key] = device;
                    if (device.DevEui is not null)
                    {
                        byDevEui[device.DevEui] = device;
                    }

                    count++;
                }

                return (count + changed > 0 ? RegistryChange.Done : RegistryChange.Unchanged, count);
            },
            revoked: null,
            cancellationToken);
        return new FleetImportResult(added, changed, conflicts);
    }

    private static RegisteredDevice? HolderOf(Dictionary<DeviceKey, RegisteredDevice> devices, string? devEui) =>
        devEui is null ? null : devices.Values.FirstOrDefault(d => d.DevEui is not null && DevEui.Comparer.Equals(d.DevEui, devEui));

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

                if (!device.HasMqttLogin)
                {
                    return (RegistryChange.NoMqttLogin, device);
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

        public FrozenDictionary<string, RegisteredDevice> ByDevEui { get; } = devices.Where(d => d.DevEui is not null).ToFrozenDictionary(d => d.DevEui!, DevEui.Comparer);
    }
}
