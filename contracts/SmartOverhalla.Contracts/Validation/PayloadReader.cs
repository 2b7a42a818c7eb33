using System.Text.Json;
using System.Text.Unicode;

namespace SmartOverhalla.Contracts.Validation;

/// <summary>
/// The payload checks that come before any field: size, UTF-8, well-formed JSON, nesting depth, and an
/// object at the root. Parses once; a second, diagnostic pass runs only when parsing failed.
/// </summary>
internal static class PayloadReader
{
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, int maxDepth, ref ProblemList problems)
    {
        // RFC 8259 section 8.1: JSON exchanged between systems must be UTF-8; checking it up front also keeps
        // malformed sequences away from the string readers further down.
        if (!Utf8.IsValid(utf8.Span))
        {
            problems.Add(ProblemList.PayloadField, RejectReasons.EncodingInvalid, "payload is not valid UTF-8");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException)
        {
            Diagnose(utf8.Span, maxDepth, ref problems);
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add(
                ProblemList.PayloadField,
                RejectReasons.FieldType,
                $"payload must be a JSON object, not {FieldChecker.Describe(document.RootElement.ValueKind)}");
            document.Dispose();
            return null;
        }

        return document;
    }

    // Tells "too deep" from "malformed" and says where, without quoting the payload (the exception
    // message of the parser quotes the offending byte, so it is not passed on).
    private static void Diagnose(ReadOnlySpan<byte> utf8, int maxDepth, ref ProblemList problems)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            problems.Add(
                ProblemList.PayloadField,
                RejectReasons.JsonMalformed,
                "payload starts with a byte order mark, which JSON text must not have (RFC 8259 section 8.1)");
            return;
        }

        // One level of headroom so that this reader reaches the too-deep container before it would throw.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    problems.Add(
                        ProblemList.PayloadField,
                        RejectReasons.JsonTooDeep,
                        $"payload nests objects or arrays deeper than {maxDepth} levels");
                    return;
                }
            }

            problems.Add(ProblemList.PayloadField, RejectReasons.JsonMalformed, "payload is not well-formed JSON");
        }
        catch (JsonException exception)
        {
            problems.Add(
                ProblemList.PayloadField,
                RejectReasons.JsonMalformed,
                $"payload is not well-formed JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
        }
    }
}
