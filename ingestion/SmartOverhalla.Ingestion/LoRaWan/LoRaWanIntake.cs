using System.Buffers;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.LoRaWan.Translation;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// What the receive handler does with a network server's uplink: read it (ChirpStack v4 or TTS v3), find the device
/// by its DevEUI in the registry's list, find its profile in the mapping file, translate it into the device's contract
/// telemetry, and from there treat it as every device message: the same validator, the device's budget, the same
/// point, with the radio quality added. Whatever does not map is a reject with its reason. Pure and fast; never
/// throws on any input.
/// </summary>
public sealed class LoRaWanIntake(
    UplinkMapping mapping,
    LoRaWanDeviceDirectory directory,
    UplinkFrameTracker frames,
    MessageValidator validator,
    IngestionMetrics metrics,
    DeviceFloodGuard floodGuard,
    TimeProvider timeProvider)
{
    /// <summary>An uplink is larger than a contract message: many gateways' metadata. Larger is refused as hostile.</summary>
    public const int MaxUplinkBytes = 64 * 1024;

    public IngestItem Accept(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt)
    {
        metrics.MessageReceived();
        if (!NetworkTopics.TryParse(topic, out var networkTopic) || networkTopic.Event != NetworkEvent.Uplink)
        {
            return Refuse(topic, payload, receipt, new ValidationProblem(
                "$topic",
                RejectReasons.TopicInvalid,
                "not an uplink topic of ChirpStack (application/{applicationId}/device/{devEui}/event/up) or The Things Stack (v3/{application}/devices/{device}/up)"));
        }

        if (payload.Length > MaxUplinkBytes)
        {
            return Refuse(topic, payload, receipt, new ValidationProblem("$", RejectReasons.PayloadTooLarge, $"{payload.Length} bytes; an uplink may have at most {MaxUplinkBytes}"));
        }

        if (!UplinkParser.TryParse(networkTopic, payload, out var uplink, out var problem))
        {
            return Refuse(topic, payload, receipt, problem);
        }

        // The profile first: a network server's integration may carry other owners' applications (ChirpStack's is
        // global), which are refused as unmapped without asking the registry about their devices.
        if (mapping.Find(uplink) is not { } profile)
        {
            return Refuse(topic, payload, receipt, new ValidationProblem("$profile", LoRaWanReasons.Unmapped, $"no profile of the mapping file matches {Describe(uplink)}"));
        }

        if (!directory.TryFind(uplink.DevEui, out var device))
        {
            directory.RequestRefresh();
            return Refuse(topic, payload, receipt, directory.IsLoaded
                ? new ValidationProblem("$devEui", LoRaWanReasons.DeviceUnknown, $"DevEUI {uplink.DevEui} is not in the device registry: register the device with its devEui")
                : new ValidationProblem(
                    "$devEui",
                    LoRaWanReasons.DirectoryUnavailable,
                    $"DevEUI {uplink.DevEui} cannot be looked up: the registry's DevEUI list has not been loaded yet (gateway unreachable, or LoRaWan:ApiKey refused; see the worker's log)"));
        }

        var deviceTopic = new DeviceTopic(device.Municipality, device.Kind, device.DeviceId, MessageType.Telemetry);
        var withinBudget = floodGuard.Observe(deviceTopic);
        if (profile.Kind != device.Kind)
        {
            return Refuse(topic, payload, receipt, new ValidationProblem(
                "$profile",
                RejectReasons.DeviceMismatch,
                $"profile '{profile.Name}' maps {TopicNames.Of(profile.Kind)} uplinks, but the registry has DevEUI {uplink.DevEui} as {TopicNames.Of(device.Kind)} '{device.DeviceId}'"));
        }

        if (!withinBudget && floodGuard.Action == FloodAction.DeadLetter)
        {
            return Refuse(topic, payload, receipt, MessageIntake.RateLimited());
        }

        var stamped = uplink with { ReceivedAt = frames.Stamp(uplink) };
        if (!UplinkTranslator.TryTranslate(stamped, profile, out var translated, out problem))
        {
            return Refuse(topic, payload, receipt, problem);
        }

        var result = validator.Validate(deviceTopic.ToString(), new ReadOnlySequence<byte>(translated.Payload));
        if (result is not { IsValid: true, Topic: { } validTopic, Message: { } message })
        {
            return Refuse(topic, payload, receipt, result.Problems);
        }

        try
        {
            return IngestItem.Accepted(receipt, RadioFields.AddTo(PointMapper.Map(validTopic, message), uplink.Radio, uplink.FCnt));
        }
        catch (ArgumentException ex)
        {
            return Refuse(topic, payload, receipt, new ValidationProblem("$point", RejectReasons.StorageRejected, ex.Message));
        }
    }

    private static string Describe(NetworkUplink uplink)
    {
        var application = uplink.ApplicationName is { } name && name != uplink.Application ? $"'{name}' ({uplink.Application})" : $"'{uplink.Application}'";
        var profile = uplink.DeviceProfile is null ? "no device profile" : $"device profile '{uplink.DeviceProfile}'";
        return $"{LoRaWanNetworkNames.Of(uplink.Network)} application {application}, {profile}";
    }

    private IngestItem Refuse(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt, ValidationProblem problem) =>
        Refuse(topic, payload, receipt, [problem]);

    private IngestItem Refuse(string topic, ReadOnlySequence<byte> payload, IDeliveryReceipt receipt, IReadOnlyList<ValidationProblem> problems) =>
        IngestItem.Refused(receipt, RejectedMessage.Of(topic, payload, timeProvider.GetUtcNow(), problems));
}
