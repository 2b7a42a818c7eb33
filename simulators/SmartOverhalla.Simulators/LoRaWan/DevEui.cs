using System.Security.Cryptography;
using System.Text;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// The DevEUI of a simulated device (lorawan.md, "Platform side"): <c>70B3D5</c> and the first 10 upper-case hex
/// digits of SHA-256("{municipality}/{kind}/{deviceId}") (UTF-8), 16 hex digits in all. Upper-case here, in TTS and in
/// the fleet file; ChirpStack writes it lower-case.
/// </summary>
internal static class DevEui
{
    private const string Prefix = "70B3D5";

    public static string Of(string municipality, DeviceKind kind, string deviceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{municipality}/{TopicNames.Of(kind)}/{deviceId}"));
        return Prefix + Convert.ToHexString(hash)[..10];
    }
}
