using System.Text;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// The meter list as the simulator and the municipality's systems write it: UTF-8 (a BOM is skipped), ';' separated, the
/// header <c>meterId;municipality;role;district;address</c>, RFC 4180 quoting. A file is taken whole or not at all: the
/// first bad line refuses it with its number (<see cref="MeterCsvException"/>).
/// </summary>
internal static class MeterCsv
{
    public const string Header = "meterId;municipality;role;district;address";

    private static readonly string[] Columns = Header.Split(SemicolonCsv.Separator);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<MeterDefinition> Parse(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + utf8[..Math.Min(ex.Index < 0 ? 0 : ex.Index, utf8.Length)].Count((byte)'\n');
            throw new MeterCsvException(line, "the file is not UTF-8 text (save it as \"CSV UTF-8\")");
        }

        return Parse(text);
    }

    public static IReadOnlyList<MeterDefinition> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimStart('\uFEFF');
        var meters = new List<MeterDefinition>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sawHeader = false;
        foreach (var (line, fields) in SemicolonCsv.Records(text))
        {
            if (!sawHeader)
            {
                if (!fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    throw new MeterCsvException(line, $"the header must be '{Header}'; got '{string.Join(SemicolonCsv.Separator, fields)}'");
                }

                sawHeader = true;
                continue;
            }

            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            if (fields.Count != Columns.Length)
            {
                throw new MeterCsvException(line, $"expected {Columns.Length} fields ({Header}); got {fields.Count}");
            }

            var problem = MeterRules.Check(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4], out var meter);
            if (problem is { } p)
            {
                throw new MeterCsvException(line, $"{p.Field} {p.Message}");
            }

            if (firstLineOf.TryGetValue(meter!.Key, out var first))
            {
                throw new MeterCsvException(line, $"meter {meter.Key} is listed twice (first on line {first})");
            }

            firstLineOf[meter.Key] = line;
            meters.Add(meter);
        }

        if (!sawHeader)
        {
            throw new MeterCsvException(1, $"the file is empty; the first line must be the header '{Header}'");
        }

        return meters;
    }
}
