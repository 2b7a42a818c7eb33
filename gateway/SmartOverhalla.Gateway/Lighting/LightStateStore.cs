using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Every known light's twin, in memory, saved to <see cref="LightingControlOptions.StateFile"/> so that desired
/// state, acknowledged levels and pending commands survive a restart (no command storm after it). Saved through
/// <see cref="AtomicFile"/>: a crash mid-save leaves the previous state.
/// </summary>
internal sealed class LightStateStore
{
    private readonly ConcurrentDictionary<(string Municipality, string LightId), LightState> _lights = new();
    private readonly string _path;
    private readonly SemaphoreSlim _saveGate = new(1, 1);
    private long _version;
    private long _savedVersion;

    public LightStateStore(IOptions<LightingControlOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _path = Path.GetFullPath(options.Value.StateFile, environment.ContentRootPath);
        Load();
    }

    public IEnumerable<LightState> All => _lights.Values;

    public int Count => _lights.Count;

    public LightState? Find(string municipality, string lightId) => _lights.GetValueOrDefault((municipality, lightId));

    /// <summary>
    /// Applies <paramref name="change"/> to the light's twin (creating it), atomically per light. A change that
    /// leaves the twin equal to what it was is not a change: the control loop re-decides every light every round,
    /// and only a real difference should make the state file be written again.
    /// </summary>
    public LightState Update(string municipality, string lightId, Func<LightState, LightState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = (municipality, lightId);
        while (true)
        {
            if (_lights.TryGetValue(key, out var existing))
            {
                var updated = change(existing);
                if (updated == existing)
                {
                    return existing;
                }

                if (_lights.TryUpdate(key, updated, existing))
                {
                    Interlocked.Increment(ref _version);
                    return updated;
                }
            }
            else
            {
                var created = change(new LightState(municipality, lightId));
                if (_lights.TryAdd(key, created))
                {
                    Interlocked.Increment(ref _version);
                    return created;
                }
            }
        }
    }

    /// <summary>True when a twin changed since the state file was last written.</summary>
    internal bool HasUnsavedChanges => Interlocked.Read(ref _version) != Interlocked.Read(ref _savedVersion);

    /// <summary>Writes the state file when anything changed since the last save.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var version = Interlocked.Read(ref _version);
        if (version == Interlocked.Read(ref _savedVersion))
        {
            return;
        }

        await _saveGate.WaitAsync(cancellationToken);
        try
        {
            var lights = _lights.Values.ToList();
            await AtomicFile.WriteAsync(
                _path,
                (file, ct) => JsonSerializer.SerializeAsync(file, lights, LightStateJsonContext.Default.ListLightState, ct),
                cancellationToken,
                AtomicFile.UmaskDefault);
            Interlocked.Exchange(ref _savedVersion, version);
        }
        finally
        {
            _saveGate.Release();
        }
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            return;
        }

        using var file = File.OpenRead(_path);
        var states = JsonSerializer.Deserialize(file, LightStateJsonContext.Default.ListLightState) ?? [];
        foreach (var state in states)
        {
            _lights[(state.Municipality, state.LightId)] = state;
        }
    }
}
