using System.Globalization;
using System.Text;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Water.Planning;

/// <summary>
/// CSV that Excel and LibreOffice with Norwegian settings open as columns and numbers on a double-click: UTF-8 with a BOM
/// (without it Excel reads the file as Windows-1252 and æøå break), ';' as separator (the list separator when the decimal
/// mark is a comma), decimal comma without digit grouping, CRLF line ends (RFC 4180), dates as yyyy-MM-dd and local times
/// (Europe/Oslo) as yyyy-MM-dd HH:mm, which both read as dates. A field holding ';', '"' or a line break is quoted.
/// </summary>
internal static class NorwegianCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Decimal comma and an ASCII minus: nb-NO's own culture writes U+2212, which spreadsheets do not read as a number.</summary>
    private static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NegativeSign = "-", NumberGroupSeparator = string.Empty };

    public static string Number(double value) => value.ToString("0.######", Numbers);

    public static string Number(double? value) => value is { } v ? Number(v) : string.Empty;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LocalTime(DateTimeOffset instant) => NorwegianTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string LocalTime(DateTimeOffset? instant) => instant is { } i ? LocalTime(i) : string.Empty;

    /// <summary>The file's bytes: BOM, header, rows, each line ended by CRLF.</summary>
    public static byte[] Bytes(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendLine(text, header);
        foreach (var row in rows)
        {
            AppendLine(text, row);
        }

        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text.ToString())];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text.ToString(), bytes.AsSpan(preamble.Length));
        return bytes;
    }

    /// <summary>The CSV as a download named <paramref name="fileName"/>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        TypedResults.File(Bytes(header, rows), ContentType, fileName);

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(";\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
