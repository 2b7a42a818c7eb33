using System.Globalization;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// The radio side of one simulated LoRaWAN device, seeded so a run repeats: its DevAddr and session, a frame counter
/// that starts at a random value and counts each uplink, a stable signal level (RSSI base between -125 and -60 dBm)
/// that 1–3 of Overhalla's gateways hear with some noise, and the network server's reception a few hundred ms after
/// the reading was taken. Used on the device's loop only.
/// </summary>
internal sealed class UplinkRadio
{
    /// <summary>Channels of the EU868 plan, Hz: the three default ones and five more.</summary>
    private static readonly long[] Channels = [868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000];

    private static readonly (string Eui, string Name)[] OverhallaGateways =
    [
        ("0016C001FF10A235", "overhalla-radhus"),
        ("0016C001FF10A236", "ranemsletta"),
        ("0016C001FF10A237", "skage"),
        ("0016C001FF10A238", "hunn"),
    ];

    private readonly LoRaWanIdentity _device;
    private readonly Random _random;
    private readonly double _rssiBase;
    private readonly int _homeGateway;
    private readonly string _devAddr;
    private readonly string _sessionKeyId;
    private uint _fCnt;
    private uint _fCntDown;

    public UplinkRadio(LoRaWanIdentity device, int seed)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _random = new Random(seed ^ 0x10A4A);
        _rssiBase = _random.Next(-125, -59);
        _homeGateway = _random.Next(OverhallaGateways.Length);
        _devAddr = ((uint)(_random.Next() & 0x01FF_FFFF) | 0x2600_0000u).ToString("X8", CultureInfo.InvariantCulture);
        _sessionKeyId = Convert.ToBase64String(RandomBytes(16));
        _fCnt = (uint)_random.Next(0, 5000);
        _fCntDown = (uint)_random.Next(0, 500);
    }

    /// <summary>The frame counter the next uplink will carry.</summary>
    public uint NextFCnt => _fCnt;

    public string SessionKeyId => _sessionKeyId;

    /// <summary>8 upper-case hex digits.</summary>
    public string DevAddr => _devAddr;

    /// <summary>The downlink frame counter of the next downlink, counted up.</summary>
    public uint TakeFCntDown() => _fCntDown++;

    /// <summary>The uplink carrying <paramref name="payload"/> of a reading taken at <paramref name="readingTime"/>.</summary>
    public UplinkFrame Next(UplinkPayload payload, DateTimeOffset readingTime)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var receivedAt = readingTime + TimeSpan.FromMilliseconds(_random.Next(150, 600));
        var channel = _random.Next(Channels.Length);
        var spreadingFactor = _rssiBase switch { > -95 => 7, > -105 => 8, > -112 => 9, > -118 => 10, > -122 => 11, _ => 12 };
        var heardBy = _random.Next(1, 4);
        var gateways = new List<GatewayReception>(heardBy);
        var concentratorTime = (uint)_random.Next();
        for (var i = 0; i < heardBy; i++)
        {
            var (eui, name) = OverhallaGateways[(_homeGateway + i) % OverhallaGateways.Length];
            var rssi = (int)Math.Round(Math.Clamp(_rssiBase - (7 * i) + ((_random.NextDouble() - 0.5) * 6), -135, -30));
            var snr = Math.Round(Math.Clamp(((rssi + 112) / 3.5) + ((_random.NextDouble() - 0.5) * 4), -15, 12), 1);
            var heardAt = receivedAt - TimeSpan.FromMilliseconds(_random.Next(40, 120));
            gateways.Add(new GatewayReception(eui, name, rssi, snr, channel, (uint)_random.Next(), heardAt, concentratorTime + (uint)_random.Next(0, 50)));
        }

        gateways.Sort((a, b) => b.Rssi.CompareTo(a.Rssi));
        var frame = new UplinkFrame(
            _device,
            _devAddr,
            _fCnt,
            receivedAt,
            RandomUuid(),
            payload.Encode(),
            payload,
            gateways,
            spreadingFactor,
            Channels[channel],
            _sessionKeyId,
            string.Create(CultureInfo.InvariantCulture, $"as:up:{Ulid(receivedAt)}"));
        _fCnt++;
        return frame;
    }

    /// <summary>A ULID (as TTS correlation ids carry): 48 bits of milliseconds and 80 random bits, Crockford base32.</summary>
    public string Ulid(DateTimeOffset at)
    {
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = new byte[16];
        var ms = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        _random.NextBytes(bytes.AsSpan(6));
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }

    /// <summary>A version-4 UUID from the device's random stream (ChirpStack's deduplication ids are random UUIDs).</summary>
    private Guid RandomUuid()
    {
        var bytes = RandomBytes(16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
