using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.Gateway.Tests.Lighting;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>
/// Lighting control's LoRaWAN path built from its real parts (the shipped mapping, the light twins, the ack waiters, the
/// contract validator) on a fake clock, with an in-memory registry of DevEUIs: no broker, no files but the state file.
/// </summary>
internal sealed class ObserverParts : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 45, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new("so-lorawan-observer-");

    public ObserverParts(UplinkMapping? mapping = null)
    {
        Mapping = mapping ?? UplinkMappingLoader.Load(NetworkServerJson.MappingFile);
        Store = new LightStateStore(Options.Create(new LightingControlOptions { StateFile = _folder.File("state.json") }), new TestEnvironment());
        Reports = new LightReports(Store, Pending, new QuietAlerts());
        Observer = new LoRaWanUplinkObserver(
            Mapping, Registry, Routes, Sent, new MessageValidator(new ValidationOptions(), Clock), Reports, Store, Clock, ObserverLog);
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public UplinkMapping Mapping { get; }

    public DictionaryRegistry Registry { get; } = new();

    public DownlinkRoutes Routes { get; } = new();

    public SentDownlinks Sent { get; } = new();

    public PendingAcks Pending { get; } = new();

    public LightStateStore Store { get; }

    public LightReports Reports { get; }

    public FakeLogger<LoRaWanUplinkObserver> ObserverLog { get; } = new();

    public LoRaWanUplinkObserver Observer { get; }

    /// <summary>sl-0042 in Overhalla, registered with the fixtures' DevEUI.</summary>
    public ObserverParts WithLight()
    {
        Registry.Add(new LoRaWanIdentity(NetworkServerJson.DevEui, NetworkServerJson.Municipality, DeviceKind.Streetlight, NetworkServerJson.LightId));
        return this;
    }

    public LightState? Light => Store.Find(NetworkServerJson.Municipality, NetworkServerJson.LightId);

    /// <summary>A control connection that is never started: anything published through it throws (not connected).</summary>
    public ControlConnection UnconnectedControlConnection() => new(
        Options.Create(new BrokerOptions()),
        Options.Create(new LightingControlOptions { StateFile = _folder.File("state.json") }),
        new MessageValidator(new ValidationOptions(), Clock),
        Reports,
        Options.Create(new LoRaWanControlOptions { MappingFile = NetworkServerJson.MappingFile }),
        Observer,
        Clock,
        new FakeLogger<ControlConnection>());

    public void Dispose() => _folder.Dispose();

    /// <summary>Alerts are not what these tests look at; a light marked unresponsive here would be a mistake.</summary>
    private sealed class QuietAlerts : ILightingAlerts
    {
        public Task LightUnresponsiveAsync(string municipality, string lightId, Contracts.Messages.SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"{lightId} was marked unresponsive in a test without a control loop.");
    }
}

/// <summary>A registry of DevEUIs in memory, as <see cref="RegistryLoRaWanDevices"/> answers from the device registry.</summary>
internal sealed class DictionaryRegistry : ILoRaWanRegistry
{
    private readonly Dictionary<string, LoRaWanIdentity> _byDevEui = new(StringComparer.Ordinal);

    public void Add(LoRaWanIdentity identity) => _byDevEui[identity.DevEui] = identity;

    public bool TryFindByDevEui(string devEui, [NotNullWhen(true)] out LoRaWanIdentity? identity) => _byDevEui.TryGetValue(devEui, out identity);

    public bool TryFindLight(string municipality, string lightId, [NotNullWhen(true)] out LoRaWanIdentity? identity)
    {
        identity = _byDevEui.Values.FirstOrDefault(d => d.Kind == DeviceKind.Streetlight && d.Municipality == municipality && d.DeviceId == lightId);
        return identity is not null;
    }
}
