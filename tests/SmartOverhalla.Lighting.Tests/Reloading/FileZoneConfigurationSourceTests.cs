using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.Lighting.Tests.Configuration;

namespace SmartOverhalla.Lighting.Tests.Reloading;

public sealed class FileZoneConfigurationSourceTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly string _directory = Directory.CreateTempSubdirectory("lighting-zones-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger<FileZoneConfigurationSource> _logger = new();
    private readonly string _path;

    public FileZoneConfigurationSourceTests()
    {
        _path = Path.Combine(_directory, "lighting-zones.yaml");
    }

    [Fact]
    public void Constructor_ValidFile_LoadsItAndLogsOnce()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid);

        // When
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);

        // Then
        Assert.Equal(3, source.Current.Zones.Count);
        Assert.Null(source.LastRejection);
        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains("3 zones, 4 profiles", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidFile_ThrowsWithEveryProblem()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid.Replace("level: 50", "level: 140", StringComparison.Ordinal).Replace("latitude: 69.65", "latitude: 96", StringComparison.Ordinal));

        // When
        var exception = Assert.Throws<ZoneConfigurationException>(() => new FileZoneConfigurationSource(_path, _clock, _logger, Poll));

        // Then
        Assert.Contains(_path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(exception.Problems, problem => problem.ToString() == "profile 'standard' step 2 (at: 23:00): level 140 is outside 0–100");
        Assert.Contains(exception.Problems, problem => problem.ToString() == "zone 'tromso': latitude 96 is out of range (-90 to 90 degrees)");
    }

    [Fact]
    public void Poll_ValidChange_SwapsConfigurationAndRaisesChanged()
    {
        // Given a loaded file and a subscriber
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        var before = source.Current;
        var events = new List<ZoneConfigurationChangedEventArgs>();
        source.Changed += (_, change) => events.Add(change);

        // When the file changes and the poll interval passes
        File.WriteAllText(_path, ZoneFiles.Valid.Replace("name: Sentrum", "name: Sentrum nord", StringComparison.Ordinal));
        _clock.Advance(Poll);

        // Then
        Assert.Equal("Sentrum nord", source.Current.FindZone("sentrum")!.Name);
        var change = Assert.Single(events);
        Assert.Same(before, change.Previous);
        Assert.Same(source.Current, change.Current);
        Assert.Null(source.LastRejection);
        Assert.Equal(LogLevel.Information, _logger.LatestRecord.Level);
        Assert.StartsWith("Reloaded lighting zones", _logger.LatestRecord.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_BeforeTheInterval_DoesNotReadTheChange()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        var before = source.Current;

        // When
        File.WriteAllText(_path, ZoneFiles.Valid.Replace("name: Sentrum", "name: Sentrum nord", StringComparison.Ordinal));
        _clock.Advance(Poll - TimeSpan.FromMilliseconds(1));

        // Then
        Assert.Same(before, source.Current);
    }

    [Fact]
    public void Poll_InvalidChange_KeepsPreviousZonesAndReportsEveryProblem()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        var before = source.Current;
        var changes = 0;
        source.Changed += (_, _) => changes++;

        // When an edit brings a bad level and a bad time
        File.WriteAllText(_path, ZoneFiles.Valid.Replace("level: 30", "level: 140", StringComparison.Ordinal).Replace("\"05:30\"", "\"25:00\"", StringComparison.Ordinal));
        _clock.Advance(Poll);

        // Then the previous configuration stays, and the rejection says why, once
        Assert.Same(before, source.Current);
        Assert.Equal(0, changes);
        var rejection = Assert.IsType<ZoneConfigurationRejection>(source.LastRejection);
        Assert.Equal(_clock.GetUtcNow(), rejection.At);
        Assert.Equal(
            ["profile 'standard' step 3 (at: 25:00): '25:00' is not a time of day: use HH:mm from 00:00 to 23:59",
             "profile 'twilight' step 2 (at: 22:00): level 140 is outside 0–100",
             "zone 'sentrum': profiles.default uses profile 'standard', which has problems (see above)",
             "zone 'industri': profiles.default uses profile 'twilight', which has problems (see above)",
             "zone 'tromso': profiles.default uses profile 'standard', which has problems (see above)"],
            rejection.Problems.Select(problem => problem.ToString()));
        var error = Assert.Single(_logger.Collector.GetSnapshot(), record => record.Level == LogLevel.Error);
        Assert.Contains("5 problems", error.Message, StringComparison.Ordinal);
        Assert.Contains("level 140 is outside 0–100", error.Message, StringComparison.Ordinal);

        // And polling the same bad file again does not log it again
        _clock.Advance(Poll * 3);
        Assert.Single(_logger.Collector.GetSnapshot(), record => record.Level == LogLevel.Error);
    }

    [Fact]
    public void Poll_FixedAfterInvalidChange_SwapsAndClearsRejection()
    {
        // Given a refused edit
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        File.WriteAllText(_path, "zones: [");
        _clock.Advance(Poll);
        Assert.NotNull(source.LastRejection);

        // When the file is fixed
        File.WriteAllText(_path, ZoneFiles.Valid.Replace("name: Industri", "name: Skogmo", StringComparison.Ordinal));
        _clock.Advance(Poll);

        // Then
        Assert.Equal("Skogmo", source.Current.FindZone("industri")!.Name);
        Assert.Null(source.LastRejection);
    }

    [Fact]
    public void Poll_FileDeleted_KeepsPreviousZones()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        var before = source.Current;

        // When
        File.Delete(_path);
        _clock.Advance(Poll);

        // Then
        Assert.Same(before, source.Current);
        var problem = Assert.Single(source.LastRejection!.Problems);
        Assert.Contains("cannot be read", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_UnchangedFile_ReturnsFalseWithoutEvent()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        var changes = 0;
        source.Changed += (_, _) => changes++;

        // When the file is rewritten with the same content
        File.WriteAllText(_path, ZoneFiles.Valid);
        var reloaded = source.Reload();

        // Then
        Assert.False(reloaded);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Reload_FailingSubscriber_IsLoggedAndTheSwapStands()
    {
        // Given
        File.WriteAllText(_path, ZoneFiles.Valid);
        using var source = new FileZoneConfigurationSource(_path, _clock, _logger, Poll);
        source.Changed += (_, _) => throw new InvalidOperationException("subscriber broke");

        // When
        File.WriteAllText(_path, ZoneFiles.Valid.Replace("name: Sentrum", "name: Sentrum nord", StringComparison.Ordinal));
        var reloaded = source.Reload();

        // Then
        Assert.True(reloaded);
        Assert.Equal("Sentrum nord", source.Current.FindZone("sentrum")!.Name);
        Assert.Equal(LogLevel.Error, _logger.LatestRecord.Level);
        Assert.IsType<InvalidOperationException>(_logger.LatestRecord.Exception);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
