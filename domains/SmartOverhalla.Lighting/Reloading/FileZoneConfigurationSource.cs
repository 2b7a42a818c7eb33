using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Lighting.Configuration;

namespace SmartOverhalla.Lighting.Reloading;

/// <summary>
/// The zone file on disk, loaded at construction (an invalid file throws <see cref="ZoneConfigurationException"/>,
/// which stops start-up) and polled on a <see cref="TimeProvider"/> timer. A changed file that is valid replaces
/// <see cref="Current"/> in one swap; one that is not is logged with every problem and the previous zones stay.
/// </summary>
/// <remarks>
/// Polling rather than FileSystemWatcher: the file is small, a poll every few seconds costs nothing, it sees
/// editors that replace the file by renaming, network and container mounts where change events do not arrive,
/// and tests drive it with a fake clock. A change is noticed by the file's content (SHA-256), not its time
/// stamp, so two saves within the time stamp's resolution are not missed. A file caught half-written is
/// refused like any invalid one, and the finished save, being different content, is read at the next poll.
/// </remarks>
public sealed class FileZoneConfigurationSource : IZoneConfigurationSource, IDisposable
{
    /// <summary>How often the file is checked unless told otherwise.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private ZoneConfiguration _current;
    private ZoneConfigurationRejection? _lastRejection;
    private byte[] _lastSeen;

    /// <summary>Loads <paramref name="path"/> and starts polling it every <paramref name="pollInterval"/> (default 5 s).</summary>
    /// <exception cref="ZoneConfigurationException">The file cannot be read or is invalid; the message lists every problem.</exception>
    public FileZoneConfigurationSource(string path, TimeProvider timeProvider, ILogger<FileZoneConfigurationSource> logger, TimeSpan? pollInterval = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var interval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));

        _path = System.IO.Path.GetFullPath(path);
        _timeProvider = timeProvider;
        _logger = logger;

        var (content, hash, problems) = Read();
        if (content is null || !ZoneConfigurationLoader.TryParse(content, out var configuration, out problems))
        {
            throw new ZoneConfigurationException(_path, problems);
        }

        _current = configuration!;
        _lastSeen = hash;
        Log.Loaded(_logger, _path, _current.Zones.Count, _current.Profiles.Count);
        _timer = timeProvider.CreateTimer(static state => ((FileZoneConfigurationSource)state!).Reload(), this, interval, interval);
    }

    /// <inheritdoc />
    public event EventHandler<ZoneConfigurationChangedEventArgs>? Changed;

    /// <inheritdoc />
    public ZoneConfiguration Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public ZoneConfigurationRejection? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>The full path of the file.</summary>
    public string Path => _path;

    /// <summary>
    /// Checks the file now (the timer calls this too). True when a changed, valid file was taken into use; false
    /// when nothing changed or the change was refused (see <see cref="LastRejection"/>).
    /// </summary>
    public bool Reload()
    {
        ZoneConfigurationChangedEventArgs changed;
        lock (_gate)
        {
            var (content, hash, problems) = Read();
            if (hash.AsSpan().SequenceEqual(_lastSeen))
            {
                return false;
            }

            _lastSeen = hash;
            if (content is null || !ZoneConfigurationLoader.TryParse(content, out var configuration, out problems))
            {
                Volatile.Write(ref _lastRejection, new ZoneConfigurationRejection(_timeProvider.GetUtcNow(), problems));
                var lines = string.Concat(problems.Select(problem => $"{Environment.NewLine}  - {problem}"));
                Log.Rejected(_logger, _path, problems.Count, lines);
                return false;
            }

            changed = new ZoneConfigurationChangedEventArgs(_current, configuration!);
            Volatile.Write(ref _current, configuration!);
            Volatile.Write(ref _lastRejection, null);
            Log.Reloaded(_logger, _path, configuration!.Zones.Count, configuration.Profiles.Count);
        }

        try
        {
            Changed?.Invoke(this, changed);
        }
#pragma warning disable CA1031 // A subscriber's failure must not stop the polling timer; it is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.ChangedHandlerFailed(_logger, exception);
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    /// <summary>The file's text and content hash; a missing or unreadable file is a problem with its own hash.</summary>
    private (string? Content, byte[] Hash, IReadOnlyList<ConfigurationProblem> Problems) Read()
    {
        try
        {
            var bytes = File.ReadAllBytes(_path);
            var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            return (text, SHA256.HashData(bytes), []);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var problem = $"cannot be read: {exception.Message}";
            return (null, SHA256.HashData(Encoding.UTF8.GetBytes(problem)), [new ConfigurationProblem(_path, problem)]);
        }
    }
}
