using System.Buffers;
using System.Text;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// The payload of a spool record: a batch as line protocol, in sections by retention policy, so that a replayed batch
/// lands in the policies it would have been written to (<see cref="InfluxRetentionRouting"/>).
/// <code>
/// streetlight,device=l1 dimLevel=50i 1700000000000000000      lines before any directive: the writer's default policy
/// #rp water_raw                                                 the lines after it, up to the next directive: policy water_raw
/// watermeter,device=m1 volumeL=12.5 1700000000000000000
/// #rp                                                           (no name) the writer's default policy again
/// </code>
/// A directive is a line-protocol comment (a line starting with <c>#</c>), which no point line can be: the point
/// builder refuses measurements starting with <c>#</c>. Records written before sections existed have no directive, so
/// all their lines replay into the default policy, as they always did; and InfluxDB itself skips comment lines, so a
/// section payload sent as it is would still store every point (in the default policy).
/// </summary>
internal static class SpoolPayload
{
    private static readonly byte[] Directive = "#rp"u8.ToArray();

    /// <summary>Writes <paramref name="groups"/> (from <see cref="InfluxRetentionRouting.Split"/>) as one payload.</summary>
    public static void Write(IReadOnlyList<RoutedPoints> groups, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(output);
        for (var i = 0; i < groups.Count; i++)
        {
            var policy = groups[i].RetentionPolicy;
            if (policy is not null || i > 0)
            {
                // Policy names hold no control characters (the plan's validation), so no newline.
                output.Write(Directive);
                if (policy is not null)
                {
                    output.Write(" "u8);
                    output.Write(Encoding.UTF8.GetBytes(policy));
                }

                output.Write("\n"u8);
            }

            LineProtocolWriter.Write(groups[i].Points, output);
        }
    }

    /// <summary>
    /// The sections of <paramref name="payload"/>, in order: each policy (null: the default) with its lines, without the
    /// directive lines. Empty sections are left out.
    /// </summary>
    public static List<(string? RetentionPolicy, ReadOnlyMemory<byte> Lines)> Sections(ReadOnlyMemory<byte> payload)
    {
        var sections = new List<(string?, ReadOnlyMemory<byte>)>();
        string? policy = null;
        var start = 0;
        var position = 0;
        var span = payload.Span;
        while (position < span.Length)
        {
            var end = span[position..].IndexOf((byte)'\n');
            var lineEnd = end < 0 ? span.Length : position + end;
            var next = end < 0 ? span.Length : lineEnd + 1;
            if (TryReadDirective(span[position..lineEnd], out var named))
            {
                Add(sections, policy, payload[start..position]);
                policy = named;
                start = next;
            }

            position = next;
        }

        Add(sections, policy, payload[start..]);
        return sections;
    }

    private static bool TryReadDirective(ReadOnlySpan<byte> line, out string? policy)
    {
        policy = null;
        if (!line.StartsWith(Directive) || (line.Length > Directive.Length && line[Directive.Length] != (byte)' '))
        {
            return false;
        }

        var name = line.Length > Directive.Length ? line[(Directive.Length + 1)..] : [];
        policy = name.IsEmpty ? null : Encoding.UTF8.GetString(name);
        return true;
    }

    private static void Add(List<(string?, ReadOnlyMemory<byte>)> sections, string? policy, ReadOnlyMemory<byte> lines)
    {
        if (!lines.IsEmpty)
        {
            sections.Add((policy, lines));
        }
    }
}
