using System.Collections.Concurrent;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>
/// Keeps each day's <see cref="SavingsDayInputs"/> for a short while, so one run of the savings job asks InfluxDB for a
/// municipality's lights and their 30-day medians once per day, not once per zone and day. Short enough that the next run
/// (an hour later) asks again and sees lights that reported late.
/// </summary>
internal sealed class SavingsDayInputsCache(TimeProvider timeProvider)
{
    /// <summary>How long an entry serves: well within one run, well below the job's interval.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const int MaxEntries = 512;

    private readonly ConcurrentDictionary<(string Municipality, DateOnly Date), (long At, Task<SavingsDayInputs> Inputs)> _entries = new();

    public Task<SavingsDayInputs> GetAsync(string municipality, DateOnly date, Func<Task<SavingsDayInputs>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = (municipality, date);
        if (_entries.TryGetValue(key, out var entry) && timeProvider.GetElapsedTime(entry.At) < Lifetime && !entry.Inputs.IsFaulted && !entry.Inputs.IsCanceled)
        {
            return entry.Inputs;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var inputs = load();
        _entries[key] = (timeProvider.GetTimestamp(), inputs);
        return inputs;
    }
}
