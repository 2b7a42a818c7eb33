using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// Each commandable LoRaWAN light's <see cref="DownlinkRoute"/>, learnt from its uplinks: the network server, the
/// application and the device's name there are only known once it has been heard. Kept in a file beside the lighting
/// state (<c>lorawan-routes.json</c>), so a restarted gateway commands the lights at once instead of waiting for each
/// one's next uplink; a route that changed is written again (rarely: a light moved to another application or server).
/// </summary>
internal sealed class DownlinkRoutes
{
    private readonly ConcurrentDictionary<string, DownlinkRoute> _routes = new(StringComparer.Ordinal);
    private readonly Lock _saving = new();
    private readonly string? _path;
    private readonly ILogger? _logger;

    /// <summary>Routes in memory only (tests).</summary>
    public DownlinkRoutes()
    {
    }

    /// <param name="path">The routes file; loaded now when it exists.</param>
    public DownlinkRoutes(string path, ILogger<DownlinkRoutes> logger)
    {
        _path = path;
        _logger = logger;
        Load();
    }

    public int Count => _routes.Count;

    public void Learn(string devEui, DownlinkRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (_routes.TryGetValue(devEui, out var known) && known == route)
        {
            return;
        }

        _routes[devEui] = route;
        Save();
    }

    public bool TryFind(string devEui, [NotNullWhen(true)] out DownlinkRoute? route) => _routes.TryGetValue(devEui, out route);

    private void Load()
    {
        if (_path is null || !File.Exists(_path))
        {
            return;
        }

        try
        {
            var saved = JsonSerializer.Deserialize(File.ReadAllBytes(_path), DownlinkRoutesJsonContext.Default.DictionaryStringDownlinkRoute) ?? [];
            foreach (var (devEui, route) in saved)
            {
                _routes[devEui] = route;
            }

            Log.RoutesLoaded(_logger!, _path, _routes.Count);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // Only a convenience: each light's next uplink teaches its route again.
            Log.RoutesUnreadable(_logger!, _path, ex.Message);
        }
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }

        lock (_saving)
        {
            try
            {
                var snapshot = new Dictionary<string, DownlinkRoute>(_routes, StringComparer.Ordinal);
                AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(snapshot, DownlinkRoutesJsonContext.Default.DictionaryStringDownlinkRoute));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.RoutesNotSaved(_logger!, _path, ex.Message);
            }
        }
    }
}
