using System.Globalization;
using System.Text.Json;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Simulators.Devices.Commands;

/// <summary>
/// Reads a command payload strictly, as a light controller's firmware should: the cmdId first (without
/// it there is nobody to answer), then the type, then every field of <c>setDim</c> against the
/// contract (contracts/asyncapi.yaml, <c>SetDimCommand</c>), collecting all problems into one reason.
/// The contract's own validator only takes device → platform messages, hence these checks here.
/// Whether <c>untilTs</c> is still ahead is the light's own decision (it needs its clock).
/// </summary>
internal static class CommandReader
{
    public const int MaxPayloadBytes = ValidationOptions.DefaultMaxPayloadBytes;
    public const int MaxCmdIdLength = 128;
    public const int MaxReasonLength = 500;
    public const string SetDimType = "setDim";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = ValidationOptions.DefaultMaxDepth,

        // RFC 8259 section 4: with duplicate names the result depends on the reader, so refuse them.
        AllowDuplicateProperties = false,
    };

    public static CommandReading Read(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return CommandReading.Unreadable("payload is empty");
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return CommandReading.Unreadable($"payload is larger than {MaxPayloadBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException)
        {
            // The parser's message quotes the payload, so it is not passed on.
            return CommandReading.Unreadable("payload is not well-formed JSON");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\uD800) is valid JSON syntax but not Unicode; GetString refuses it.
                return CommandReading.Unreadable("payload contains an escaped lone surrogate, which is not valid Unicode");
            }
        }
    }

    private static CommandReading Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return CommandReading.Unreadable("payload is not a JSON object");
        }

        if (!root.TryGetProperty("cmdId", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            return CommandReading.Unreadable("cmdId is missing or not a string");
        }

        var cmdId = idElement.GetString()!;
        if (cmdId.Length is 0 or > MaxCmdIdLength)
        {
            return CommandReading.Unreadable($"cmdId must be 1-{MaxCmdIdLength} characters");
        }

        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return CommandReading.Invalid(cmdId, "type is missing or not a string");
        }

        if (!type.ValueEquals(SetDimType))
        {
            var name = type.GetString()!;
            return CommandReading.Invalid(cmdId, $"unknown command type '{(name.Length > 32 ? name[..32] + "…" : name)}'; a street light takes {SetDimType}");
        }

        return ReadSetDim(root, cmdId);
    }

    private static CommandReading ReadSetDim(JsonElement root, string cmdId)
    {
        var problems = new List<string>();
        var ts = ReadTime(root, "ts", required: true, problems);
        var untilTs = ReadTime(root, "untilTs", required: false, problems);

        int level = 0;
        if (!root.TryGetProperty("level", out var levelElement))
        {
            problems.Add("level is missing");
        }
        else if (levelElement.ValueKind != JsonValueKind.Number || !levelElement.TryGetInt32(out level))
        {
            problems.Add("level must be an integer 0-100");
        }
        else if (level is < 0 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"level {level} is outside 0-100"));
        }

        string? reason = null;
        if (!root.TryGetProperty("reason", out var reasonElement) || reasonElement.ValueKind != JsonValueKind.String)
        {
            problems.Add("reason is missing or not a string");
        }
        else if ((reason = reasonElement.GetString()!).Length is 0 or > MaxReasonLength)
        {
            problems.Add($"reason must be 1-{MaxReasonLength} characters");
        }

        return problems.Count > 0
            ? CommandReading.Invalid(cmdId, string.Join("; ", problems))
            : CommandReading.Valid(new SetDimCommand(cmdId, ts.GetValueOrDefault(), level, reason!, untilTs));
    }

    private static DateTimeOffset? ReadTime(JsonElement root, string name, bool required, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var element) || (!required && element.ValueKind == JsonValueKind.Null))
        {
            if (required)
            {
                problems.Add($"{name} is missing");
            }

            return null;
        }

        if (element.ValueKind == JsonValueKind.String && Rfc3339UtcConverter.TryParse(element.GetString(), out var value))
        {
            return value;
        }

        problems.Add($"{name} must be an RFC 3339 date-time with an offset, e.g. 2026-01-15T17:00:00Z");
        return null;
    }
}
