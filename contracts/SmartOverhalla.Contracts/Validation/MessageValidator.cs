using System.Buffers;

namespace SmartOverhalla.Contracts.Validation;

/// <summary>
/// Validates one incoming device message (topic + UTF-8 JSON payload) against the contract and
/// reports every problem with a reason. Never throws on bad input. Thread-safe.
/// </summary>
public sealed class MessageValidator(ValidationOptions options, TimeProvider timeProvider)
{
    private readonly ValidationOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>Validates a device → platform message (telemetry, event, status, ack).</summary>
    public MessageValidationResult Validate(string topic, ReadOnlySequence<byte> payload)
    {
        _ = _options;
        _ = _timeProvider;
        throw new NotImplementedException("Being written: see issue 2.");
    }
}
