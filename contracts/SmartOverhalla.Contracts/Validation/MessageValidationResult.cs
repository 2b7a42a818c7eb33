using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Contracts.Validation;

/// <summary>The outcome of validating one MQTT message: the parsed message, or every problem found.</summary>
public sealed class MessageValidationResult
{
    private MessageValidationResult(DeviceTopic? topic, IDeviceMessage? message, IReadOnlyList<ValidationProblem> problems)
    {
        Topic = topic;
        Message = message;
        Problems = problems;
    }

    /// <summary>The parsed topic, when the topic itself was valid.</summary>
    public DeviceTopic? Topic { get; }

    /// <summary>The parsed message (a contract record), when valid.</summary>
    public IDeviceMessage? Message { get; }

    /// <summary>Every problem found; empty when valid.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    /// <summary>The code of the first problem, for counting; null when valid.</summary>
    public string? ReasonCode => IsValid ? null : Problems[0].Code;

    public static MessageValidationResult Valid(DeviceTopic topic, IDeviceMessage message) =>
        new(topic, message, []);

    public static MessageValidationResult Invalid(DeviceTopic? topic, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("An invalid result needs at least one problem.", nameof(problems));
        }

        return new(topic, null, problems);
    }

    public override string ToString() => IsValid ? "valid" : string.Join("; ", Problems);
}
