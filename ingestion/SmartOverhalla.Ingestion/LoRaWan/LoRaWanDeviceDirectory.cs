using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// The DevEUI → platform device list the receive handler reads (lock-free: the whole list is swapped at once), and
/// the signal with which it asks <see cref="DeviceDirectoryRefreshService"/> for a fetch when an unknown DevEUI comes in.
/// </summary>
public sealed class LoRaWanDeviceDirectory
{
    private readonly Channel<bool> _refreshRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile FrozenDictionary<string, LoRaWanDevice> _devices = FrozenDictionary<string, LoRaWanDevice>.Empty;

    /// <summary>How many DevEUIs are known.</summary>
    public int Count => _devices.Count;

    /// <summary>Whether a list was ever loaded (from the gateway or the cached copy), even an empty one.</summary>
    public bool IsLoaded { get; private set; }

    internal ChannelReader<bool> RefreshRequests => _refreshRequests.Reader;

    /// <param name="devEui">16 upper-case hex digits.</param>
    public bool TryFind(string devEui, [NotNullWhen(true)] out LoRaWanDevice? device) => _devices.TryGetValue(devEui, out device);

    public void Replace(IEnumerable<LoRaWanDevice> devices)
    {
        _devices = devices.DistinctBy(device => device.DevEui).ToFrozenDictionary(device => device.DevEui, StringComparer.Ordinal);
        IsLoaded = true;
    }

    /// <summary>Asks for a fetch soon (at most one waits); the handler never waits for it.</summary>
    public void RequestRefresh() => _refreshRequests.Writer.TryWrite(true);
}
