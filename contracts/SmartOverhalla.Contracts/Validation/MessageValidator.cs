using System.Buffers;
using System.Text.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Catalog;

namespace SmartOverhalla.Contracts.Validation;

/// <summary>
/// Validates one incoming device message (topic + UTF-8 JSON payload) against the contract and
/// reports every problem with a reason. Never throws on bad input. Thread-safe.
/// </summary>
/// <remarks>
/// The contract it enforces is <see cref="MessageCatalog"/>, the same data the contract tests hold
/// against <c>contracts/asyncapi.yaml</c>. The payload is parsed once; the record is read from the
/// parsed document only when no problem was found. The topic names the device: a payload may leave
/// <c>deviceId</c> out (a valid record carries the topic's), and one that repeats it must repeat it exactly.
/// </remarks>
public sealed class MessageValidator(ValidationOptions options, TimeProvider timeProvider)
{
    private readonly ValidationOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Validates a device → platform message (telemetry, event, status, ack).</summary>
    /// <param name="topic">The MQTT topic the message arrived on.</param>
    /// <param name="payload">The raw payload bytes.</param>
    /// <returns>The parsed record, or every problem found (topic and payload alike).</returns>
    public MessageValidationResult Validate(string topic, ReadOnlySequence<byte> payload)
    {
        var problems = default(ProblemList);
        var spec = CheckTopic(topic, out var deviceTopic, ref problems);

        // Payload problems are reported even when the topic is wrong, so a dead-letter record tells the
        // whole story at once; field checks need the topic's kind and message type, so they need a topic.
        var length = payload.Length;
        if (length == 0)
        {
            problems.Add(ProblemList.PayloadField, RejectReasons.PayloadEmpty, "payload is empty");
        }
        else if (length > _options.MaxPayloadBytes)
        {
            problems.Add(ProblemList.PayloadField, RejectReasons.PayloadTooLarge, $"payload is larger than {_options.MaxPayloadBytes} bytes");
        }
        else if (payload.IsSingleSegment)
        {
            return ValidatePayload(payload.First, deviceTopic, spec, ref problems);
        }
        else
        {
            // MQTT clients normally hand over one segment; a split payload is copied once (it is small: the
            // size limit was checked above) so that UTF-8 and JSON see it whole.
            var buffer = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                payload.CopyTo(buffer);
                return ValidatePayload(buffer.AsMemory(0, (int)length), deviceTopic, spec, ref problems);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return MessageValidationResult.Invalid(deviceTopic, problems.ToReadOnly());
    }

    private static MessageSpec? CheckTopic(string topic, out DeviceTopic? deviceTopic, ref ProblemList problems)
    {
        deviceTopic = null;
        if (!DeviceTopic.TryParse(topic, out var parsed, out var error))
        {
            problems.Add(ProblemList.TopicField, RejectReasons.TopicInvalid, error ?? "topic is not a device topic");
            return null;
        }

        deviceTopic = parsed;
        if (parsed.Message == MessageType.Cmd)
        {
            problems.Add(ProblemList.TopicField, RejectReasons.MessageTypeNotIngested, "cmd topics carry platform-to-device commands, which are not ingested");
            return null;
        }

        var spec = MessageCatalog.Find(parsed.Kind, parsed.Message);
        if (spec is null)
        {
            problems.Add(
                ProblemList.TopicField,
                RejectReasons.MessageTypeNotIngested,
                $"the contract has no {TopicNames.Of(parsed.Message)} message for {TopicNames.Of(parsed.Kind)} devices");
        }

        return spec;
    }

    private MessageValidationResult ValidatePayload(ReadOnlyMemory<byte> utf8, DeviceTopic? topic, MessageSpec? spec, ref ProblemList problems)
    {
        using var document = PayloadReader.Parse(utf8, _options.MaxDepth, ref problems);
        if (document is null || topic is not { } deviceTopic || spec is null)
        {
            return MessageValidationResult.Invalid(topic, problems.ToReadOnly());
        }

        var context = new FieldContext(deviceTopic.DeviceId, _timeProvider.GetUtcNow(), _options.MaxFutureSkew, _options.MaxAge);
        FieldChecker.CheckObject(document.RootElement, spec.Fields, context, ref problems);
        if (!problems.IsEmpty)
        {
            return MessageValidationResult.Invalid(topic, problems.ToReadOnly());
        }

        var message = Read(document.RootElement, spec, deviceTopic.DeviceId, ref problems);
        return message is null
            ? MessageValidationResult.Invalid(topic, problems.ToReadOnly())
            : MessageValidationResult.Valid(deviceTopic, message);
    }

    private static IDeviceMessage? Read(JsonElement root, MessageSpec spec, string topicDeviceId, ref ProblemList problems)
    {
        try
        {
            if (spec.Read(root, topicDeviceId) is IDeviceMessage message)
            {
                return message;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            // The field checks passed, so this means the catalogue and the record disagree: a contract bug,
            // but still a rejected message rather than a crashed worker.
        }

        problems.Add(ProblemList.PayloadField, RejectReasons.JsonMalformed, $"payload passed the field checks but could not be read as {spec.SchemaName}");
        return null;
    }
}
