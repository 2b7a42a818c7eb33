using System.Text;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// Splits CSV text (RFC 4180 with ';' as separator: fields may be quoted with '"', a quote inside written as '""', and a
/// quoted field may span lines) into records, each with the line it starts on. CRLF and LF both end a record.
/// </summary>
internal static class SemicolonCsv
{
    public const char Separator = ';';

    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Records(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new MeterCsvException(quoteLine, "a quoted field is not closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (Separator or '\r' or '\n'))
                {
                    throw new MeterCsvException(line, "text after a quoted field's closing quote (write a quote inside a field as \"\")");
                }

                continue;
            }

            if (c == Separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                fields.Add(field.ToString());
                field.Clear();
                yield return (recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
