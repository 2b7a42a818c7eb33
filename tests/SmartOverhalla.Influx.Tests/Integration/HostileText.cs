namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>Text chosen to break a careless line protocol or InfluxQL encoder.</summary>
internal static class HostileText
{
    /// <summary>Valid as measurement names, tag keys, tag values and field keys (no line breaks, no backslash last or before , = space ", no leading '#'/tab).</summary>
    public static readonly string[] Identifiers =
    [
        "with space",
        "with,comma",
        "with=equals",
        "with\"quote",
        "with'apostrophe",
        @"back\slash",
        @"\leading backslash",
        @"double\\backslash",
        @"back\\\\slashes\tbefore\x",
        "tab\tinside",
        "æøå ÆØÅ",
        "emoji 😀🚜",
        "x,evil=1 value=0",
        " leading space",
        "trailing space ",
        "=leading equals",
        ",leading comma",
        "\"quoted\"",
        "in#hash",
        "日本語",
        "a",
    ];

    /// <summary>
    /// Valid as tag values only: a backslash before a comma, space, equals sign or double quote, which the measurement,
    /// tag-key and field-key parsers read differently but the tag-value parser reads back exactly.
    /// </summary>
    public static readonly string[] TagValues =
    [
        @"a\,b",
        @"a\ b",
        @"a\=b",
        @"a\""b",
        @"a\\,b",
        @"x\\\\,y",
        @"\,leading",
        @"\ leading space",
        @"mix\,\ \=z",
        @"C:\temp\ x",
        @"x\,evil\=1\ value\=0",
    ];

    /// <summary>Valid as string field values: everything above, plus line breaks, any backslashes, empty and 64 KiB.</summary>
    public static readonly string[] StringValues =
    [
        .. Identifiers,
        "line1\nline2",
        "crlf\r\nend",
        "\n",
        @"trailing\",
        @"\",
        "\"",
        @"\""",
        @"back\,slash before comma",
        @"back\ slash\=before\""specials",
        string.Empty,
        "{\"json\": [1, 2], \"k\": \"v\"}",
        "x,evil=1 value=0\nm2 injected=1",
        new string('ø', LineProtocolWriter.MaxStringFieldBytes / 2),
    ];
}
