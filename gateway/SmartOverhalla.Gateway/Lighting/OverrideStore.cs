using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Active overrides, saved beside the light state (<c>overrides.json</c> next to <see cref="LightingControlOptions.StateFile"/>)
/// so they survive a restart (saved through <see cref="AtomicFile"/>); an expired one is dropped on the next save.
/// </summary>
internal sealed class OverrideStore
{
    private readonly ConcurrentDictionary<Guid, LightingOverride> _overrides = new();
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    public OverrideStore(IOptions<LightingControlOptions> options, IHostEnvironment environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var stateFile = Path.GetFullPath(options.Value.StateFile, environment.ContentRootPath);
        _path = Path.Combine(Path.GetDirectoryName(stateFile)!, "overrides.json");
        _timeProvider = timeProvider;
        if (File.Exists(_path))
        {
            using var file = File.OpenRead(_path);
            foreach (var item in JsonSerializer.Deserialize(file, OverrideJsonContext.Default.ListLightingOverride) ?? [])
            {
                _overrides[item.Id] = item;
            }
        }
    }

    /// <summary>Overrides in force now, newest first.</summary>
    public IReadOnlyList<LightingOverride> Active()
    {
        var now = _timeProvider.GetUtcNow();
        return [.. _overrides.Values.Where(o => o.IsActiveAt(now)).OrderByDescending(o => o.CreatedAt)];
    }

    /// <summary>The override that decides this light now: a light's own beats its zone's; the newest wins within each.</summary>
    public LightingOverride? For(string municipality, string lightId, string? zoneId, DateTimeOffset now)
    {
        LightingOverride? best = null;
        foreach (var candidate in _overrides.Values)
        {
            if (!candidate.IsActiveAt(now) || !candidate.Covers(municipality, lightId, zoneId))
            {
                continue;
            }

            if (best is null
                || (candidate.LightId is not null && best.LightId is null)
                || ((candidate.LightId is null) == (best.LightId is null) && candidate.CreatedAt > best.CreatedAt))
            {
                best = candidate;
            }
        }

        return best;
    }

    public async Task AddAsync(LightingOverride item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        _overrides[item.Id] = item;
        await SaveAsync(cancellationToken);
    }

    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_overrides.TryRemove(id, out _))
        {
            return false;
        }

        await SaveAsync(cancellationToken);
        return true;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await _saveGate.WaitAsync(cancellationToken);
        try
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var expired in _overrides.Values.Where(o => o.Until <= now).ToList())
            {
                _overrides.TryRemove(expired.Id, out _);
            }

            var overrides = _overrides.Values.ToList();
            await AtomicFile.WriteAsync(
                _path,
                (file, ct) => JsonSerializer.SerializeAsync(file, overrides, OverrideJsonContext.Default.ListLightingOverride, ct),
                cancellationToken,
                AtomicFile.UmaskDefault);
        }
        finally
        {
            _saveGate.Release();
        }
    }
}
