using System.Globalization;
using System.Text.Json;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.LoRaWan.Mapping.Yaml;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>Checks one written field rule against the contract field it fills.</summary>
internal static class FieldRuleReader
{
    public static FieldRule? Read(ContractField target, MappingFileField written, string at, List<MappingProblem> found)
    {
        var numeric = target.Shape is ContractFieldShape.Number or ContractFieldShape.Integer;
        if ((written.From is null) == (written.Value is null))
        {
            found.Add(new MappingProblem(at, "needs exactly one of 'from:' (a decoded field) and 'value:' (a constant)"));
            return null;
        }

        if (written.From is not null && !DecodedPath.IsValid(written.From))
        {
            found.Add(new MappingProblem($"{at}.from", $"'{written.From}' is not a dotted path of letters, digits, '_', '-' (e.g. alarms.leak)"));
            return null;
        }

        if ((written.Scale is not null || written.Offset is not null) && (!numeric || written.From is null))
        {
            found.Add(new MappingProblem(at, "scale and offset apply only to a number read with 'from:'"));
            return null;
        }

        if (written.Scale is { } scale && (!double.IsFinite(scale) || scale == 0))
        {
            found.Add(new MappingProblem($"{at}.scale", "must be a finite number other than 0"));
            return null;
        }

        if (written.Offset is { } offset && !double.IsFinite(offset))
        {
            found.Add(new MappingProblem($"{at}.offset", "must be a finite number"));
            return null;
        }

        if (written.Default is not null && written.From is null)
        {
            found.Add(new MappingProblem($"{at}.default", "applies only with 'from:'"));
            return null;
        }

        string? constant = null;
        if (written.Value is { } value && !TryLiteral(target, value, out constant))
        {
            found.Add(new MappingProblem($"{at}.value", $"'{value}' is not {Describe(target)}"));
            return null;
        }

        string? fallback = null;
        if (written.Default is { } defaultValue && !TryLiteral(target, defaultValue, out fallback))
        {
            found.Add(new MappingProblem($"{at}.default", $"'{defaultValue}' is not {Describe(target)}"));
            return null;
        }

        return new FieldRule(target, written.From, written.Scale ?? 1, written.Offset ?? 0, constant, fallback);
    }

    /// <summary>The JSON literal of a YAML scalar written for <paramref name="target"/>, checked against its shape and limits.</summary>
    private static bool TryLiteral(ContractField target, string text, out string? literal)
    {
        literal = null;
        switch (target.Shape)
        {
            case ContractFieldShape.Boolean when bool.TryParse(text, out var flag):
                literal = flag ? "true" : "false";
                return true;
            case ContractFieldShape.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) && WithinLimits(target, whole):
                literal = whole.ToString(CultureInfo.InvariantCulture);
                return true;
            case ContractFieldShape.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && WithinLimits(target, number):
                literal = number.ToString("R", CultureInfo.InvariantCulture);
                return true;
            case ContractFieldShape.String when target.AllowedValues.IsDefaultOrEmpty || target.AllowedValues.Contains(text):
                literal = JsonSerializer.Serialize(text, LiteralJsonContext.Default.String);
                return true;
            default:
                return false;
        }
    }

    private static bool WithinLimits(ContractField target, double value) =>
        (target.Minimum is not { } min || value >= min) && (target.Maximum is not { } max || value <= max);

    private static string Describe(ContractField target) => target.Shape switch
    {
        ContractFieldShape.Boolean => "true or false",
        ContractFieldShape.Integer or ContractFieldShape.Number => $"a {(target.Shape == ContractFieldShape.Integer ? "whole " : string.Empty)}number from {target.Minimum} to {target.Maximum}",
        ContractFieldShape.String when !target.AllowedValues.IsDefaultOrEmpty => $"one of {string.Join(", ", target.AllowedValues)}",
        _ => "text",
    };
}
