using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Catalog;

namespace SmartOverhalla.Contracts.Validation;

/// <summary>
/// Walks a parsed payload against a message's <see cref="FieldSpec"/>s and reports every problem.
/// Unknown extra fields are tolerated on purpose: the contract is extended, never renamed without v2
/// (design.md), so a newer device firmware that adds a field must still be ingested by this version.
/// </summary>
internal static class FieldChecker
{
    public static void CheckObject(JsonElement element, ImmutableArray<FieldSpec> fields, in FieldContext context, ref ProblemList problems)
    {
        // A message has at most a dozen fields, so a bit set marks the ones seen.
        ulong seen = 0;
        foreach (var property in element.EnumerateObject())
        {
            int index;
            try
            {
                index = IndexOf(fields, property);
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\uD800) is valid JSON syntax but not Unicode; the reader refuses it.
                problems.Add(ProblemList.PayloadField, RejectReasons.EncodingInvalid, "a property name contains an escaped lone surrogate, which is not valid Unicode");
                continue;
            }

            if (index < 0)
            {
                continue;
            }

            var field = fields[index];
            var bit = 1UL << index;
            if ((seen & bit) != 0)
            {
                // RFC 8259 section 4: with duplicate names the result depends on the reader, so refuse them.
                problems.Add(field.Path, RejectReasons.JsonMalformed, $"{field.Path} appears more than once");
                continue;
            }

            seen |= bit;
            try
            {
                CheckValue(property.Value, field, context, ref problems);
            }
            catch (InvalidOperationException)
            {
                problems.Add(field.Path, RejectReasons.EncodingInvalid, $"{field.Path} contains an escaped lone surrogate, which is not valid Unicode");
            }
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Required && (seen & (1UL << i)) == 0)
            {
                problems.Add(fields[i].Path, RejectReasons.FieldMissing, $"{fields[i].Path} is required");
            }
        }
    }

    /// <summary>How a JSON value is named in a problem text ("a string", "an array").</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static int IndexOf(ImmutableArray<FieldSpec> fields, JsonProperty property)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (property.NameEquals(fields[i].Utf8Name.Span))
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckValue(JsonElement value, FieldSpec field, in FieldContext context, ref ProblemList problems)
    {
        var kind = value.ValueKind;
        if (kind == JsonValueKind.Null && !field.Required)
        {
            // An optional field sent as null means the same as leaving it out.
            return;
        }

        switch (field.Type)
        {
            case FieldType.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return;
            case FieldType.Integer when kind == JsonValueKind.Number:
                CheckInteger(value, field, ref problems);
                return;
            case FieldType.Number when kind == JsonValueKind.Number:
                CheckNumber(value, field, ref problems);
                return;
            case FieldType.String when kind == JsonValueKind.String:
                CheckString(value, field, context, ref problems);
                return;
            case FieldType.DateTime when kind == JsonValueKind.String:
                CheckDateTime(value, field, context, ref problems);
                return;
            case FieldType.Object when kind == JsonValueKind.Object:
                CheckObject(value, field.Fields, context, ref problems);
                return;
            default:
                problems.Add(field.Path, RejectReasons.FieldType, $"{field.Path} must be {Expected(field.Type)}, not {Describe(kind)}");
                return;
        }
    }

    private static void CheckInteger(JsonElement value, FieldSpec field, ref ProblemList problems)
    {
        if (value.TryGetInt64(out var integer))
        {
            CheckRange(integer, field, ref problems);
            return;
        }

        // Not a plain integer literal: either out of every range (1e400, 1e30) or a fraction / exponent
        // (50.5, 5e1), which the record's int cannot read.
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number) || Math.Abs(number) >= long.MaxValue)
        {
            problems.Add(field.Path, RejectReasons.FieldRange, $"{field.Path} is too large in magnitude; it {RangeText(field)}");
            return;
        }

        problems.Add(field.Path, RejectReasons.FieldType, $"{field.Path} must be an integer written without fraction or exponent, e.g. 50");
    }

    private static void CheckNumber(JsonElement value, FieldSpec field, ref ProblemList problems)
    {
        // JSON has no NaN or Infinity, but a literal like 1e400 overflows a double to infinity.
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            problems.Add(field.Path, RejectReasons.FieldRange, $"{field.Path} is too large in magnitude to be a finite number; it {RangeText(field)}");
            return;
        }

        CheckRange(number, field, ref problems);
    }

    private static void CheckRange(double number, FieldSpec field, ref ProblemList problems)
    {
        if ((field.Minimum is { } minimum && number < minimum)
            || (field.Maximum is { } maximum && number > maximum)
            || (field.ExclusiveMaximum is { } below && number >= below))
        {
            problems.Add(field.Path, RejectReasons.FieldRange, $"{field.Path} is out of range; it {RangeText(field)}");
        }
    }

    private static void CheckString(JsonElement value, FieldSpec field, in FieldContext context, ref ProblemList problems)
    {
        if (field.MustMatchTopicDevice)
        {
            if (!value.ValueEquals(context.DeviceId))
            {
                problems.Add(field.Path, RejectReasons.DeviceMismatch, $"{field.Path} differs from the deviceId in the topic; a device may only publish as itself");
            }

            return;
        }

        if (!field.AllowedValues.IsEmpty)
        {
            foreach (var allowed in field.AllowedValues)
            {
                if (value.ValueEquals(allowed))
                {
                    return;
                }
            }

            problems.Add(field.Path, RejectReasons.FieldUnknownValue, $"{field.Path} {field.AllowedValuesText}");
            return;
        }

        if (field.MinLength is not null || field.MaxLength is not null)
        {
            var length = value.GetString()!.Length;
            if (length < (field.MinLength ?? 0) || length > (field.MaxLength ?? int.MaxValue))
            {
                problems.Add(
                    field.Path,
                    RejectReasons.FieldRange,
                    $"{field.Path} must be {field.MinLength ?? 0} to {field.MaxLength} characters long");
            }
        }
    }

    private static void CheckDateTime(JsonElement value, FieldSpec field, in FieldContext context, ref ProblemList problems)
    {
        if (!Rfc3339UtcConverter.TryParse(value.GetString(), out var time))
        {
            problems.Add(field.Path, RejectReasons.FieldType, $"{field.Path} must be an RFC 3339 date-time with an offset, e.g. 2026-01-15T17:00:00Z");
            return;
        }

        if (!field.IsDeviceTime)
        {
            return;
        }

        if (time - context.Now > context.MaxFutureSkew)
        {
            problems.Add(
                field.Path,
                RejectReasons.TimestampInFuture,
                $"{field.Path} is more than {Duration(context.MaxFutureSkew)} ahead of the platform clock; check the device clock");
        }
        else if (context.Now - time > context.MaxAge)
        {
            problems.Add(
                field.Path,
                RejectReasons.TimestampTooOld,
                $"{field.Path} is more than {Duration(context.MaxAge)} older than the platform clock");
        }
    }

    private static string Expected(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Integer => "an integer",
        FieldType.Number => "a number",
        FieldType.Boolean => "a boolean",
        FieldType.DateTime => "an RFC 3339 date-time string",
        FieldType.Object => "an object",
        _ => "a value",
    };

    private static string RangeText(FieldSpec field)
    {
        var lower = field.Minimum is { } minimum ? Format(minimum) : null;
        return (field.Maximum, field.ExclusiveMaximum) switch
        {
            ({ } maximum, _) when lower is not null => $"must be between {lower} and {Format(maximum)}",
            (_, { } below) when lower is not null => $"must be at least {lower} and below {Format(below)}",
            ({ } maximum, _) => $"must be at most {Format(maximum)}",
            (_, { } below) => $"must be below {Format(below)}",
            _ when lower is not null => $"must be at least {lower}",
            _ => "must be a finite number",
        };
    }

    private static string Format(double number) => number.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.Ticks % TimeSpan.TicksPerDay == 0 => Count(span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.Ticks % TimeSpan.TicksPerHour == 0 => Count(span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when span.Ticks % TimeSpan.TicksPerMinute == 0 => Count(span.TotalMinutes, "minute"),
        _ => Count(span.TotalSeconds, "second"),
    };

    private static string Count(double amount, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:0.###} {unit}{(amount == 1 ? string.Empty : "s")}");
}
