using Microsoft.Extensions.Options;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// The water meter registry: each meter's role, district and (households only) address, persisted to
/// <c>Water:Registry:File</c>. The only place on the platform that ties a meter to an address (design.md, "Security and
/// privacy"). Reads take an immutable snapshot; changes are serialised and written to the file before they count. A
/// change never deletes: the entry in force gets an end (<see cref="MeterEntry.Until"/>) and, for an update, a new entry
/// starts, so look-ups made while a meter served an address stay tied to it.
/// </summary>
internal sealed class MeterRegistry
{
    private readonly MeterRegistryFile _file;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<MeterEntry> _entries;

    public MeterRegistry(IOptions<WaterOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _file = new MeterRegistryFile(Path.GetFullPath(options.Value.Registry.File, environment.ContentRootPath));
        _time = time;
        _entries = _file.Load();
    }

    public string FilePath => _file.Path;

    /// <summary>Meters in force (optionally of one municipality), by municipality then id.</summary>
    public IReadOnlyList<MeterEntry> Current(string? municipality = null) =>
        [.. _entries.Where(e => e.Current && (municipality is null || e.Municipality == municipality))
            .OrderBy(e => e.Municipality, StringComparer.Ordinal).ThenBy(e => e.MeterId, StringComparer.Ordinal)];

    /// <summary>The meter's entry in force, or else its latest retired one; null when it was never registered.</summary>
    public MeterEntry? Latest(string municipality, string meterId) =>
        _entries.Where(e => e.Municipality == municipality && e.MeterId == meterId).MaxBy(e => e.From);

    /// <summary>Every entry, current and retired, of a household meter at <paramref name="address"/> (spelling per <see cref="AddressKey"/>).</summary>
    public IReadOnlyList<MeterEntry> AtAddress(string address)
    {
        var key = AddressKey.Of(address);
        return [.. _entries.Where(e => e.Address is not null && AddressKey.Of(e.Address) == key).OrderBy(e => e.From)];
    }

    /// <summary>Districts with a meter in force in <paramref name="municipality"/>.</summary>
    public IReadOnlySet<string> Districts(string municipality) =>
        _entries.Where(e => e.Current && e.Municipality == municipality).Select(e => e.District).ToHashSet(StringComparer.Ordinal);

    /// <summary>Distinct addresses of the household meters in force in <paramref name="districts"/>, sorted.</summary>
    public IReadOnlyList<string> HouseholdAddresses(string municipality, IEnumerable<string> districts)
    {
        var wanted = districts.ToHashSet(StringComparer.Ordinal);
        return [.. _entries
            .Where(e => e.Current && e.Role == MeterRole.Household && e.Municipality == municipality && wanted.Contains(e.District) && e.Address is not null)
            .Select(e => e.Address!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Adds new meters and updates changed ones; meters not listed stay as they are.</summary>
    public async Task<MeterImportResult> ApplyAsync(IReadOnlyCollection<MeterDefinition> meters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var (added, changed, unchanged) = (0, 0, 0);
        await ChangeAsync(
            entries =>
            {
                var now = _time.GetUtcNow();
                foreach (var meter in meters)
                {
                    var index = entries.FindIndex(e => e.Current && e.Key == meter.Key);
                    if (index < 0)
                    {
                        entries.Add(MeterEntry.Of(meter, now));
                        added++;
                    }
                    else if (entries[index].Matches(meter))
                    {
                        unchanged++;
                    }
                    else
                    {
                        entries[index] = entries[index] with { Until = now };
                        entries.Add(MeterEntry.Of(meter, now));
                        changed++;
                    }
                }

                return added + changed > 0;
            },
            cancellationToken);
        return new MeterImportResult(added, changed, unchanged);
    }

    /// <summary>Ends the meter's entry in force (it is kept, retired); false when none is in force.</summary>
    public async Task<bool> RetireAsync(string municipality, string meterId, CancellationToken cancellationToken)
    {
        var key = MeterEntry.KeyOf(municipality, meterId);
        return await ChangeAsync(
            entries =>
            {
                var index = entries.FindIndex(e => e.Current && e.Key == key);
                if (index < 0)
                {
                    return false;
                }

                entries[index] = entries[index] with { Until = _time.GetUtcNow() };
                return true;
            },
            cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to a copy; when it reports a change, stores the copy and only then publishes it.</summary>
    private async Task<bool> ChangeAsync(Func<List<MeterEntry>, bool> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entries = new List<MeterEntry>(_entries);
            if (!change(entries))
            {
                return false;
            }

            await _file.SaveAsync(entries, cancellationToken);
            _entries = entries;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
