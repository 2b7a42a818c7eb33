using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.EndToEnd.Tests.Conventions;

/// <summary>
/// One source-generated log message (<see cref="LoggerMessageAttribute"/>) of a product assembly: its method, template
/// and the format each placeholder asks for (<c>{Name}</c>, <c>{Name:format}</c>, <c>{Name,alignment:format}</c>).
/// </summary>
internal sealed record LogMessageTemplate(MethodInfo Method, string Template, IReadOnlyDictionary<string, string?> Formats)
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>"Namespace.Type.Method", as the known exceptions name it.</summary>
    public string Name => $"{Method.DeclaringType!.FullName}.{Method.Name}";

    /// <summary>Every log message declared in <paramref name="assembly"/>.</summary>
    public static IEnumerable<LogMessageTemplate> In(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(Declared))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } attribute)
                {
                    yield return new LogMessageTemplate(method, attribute.Message, Placeholders(attribute.Message));
                }
            }
        }
    }

    /// <summary>The format of the placeholder naming <paramref name="parameter"/> (names match ignoring case, as the generator matches them); false when the template does not name it.</summary>
    public bool TryGetFormat(ParameterInfo parameter, out string? format)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Formats.TryGetValue(parameter.Name!.TrimStart('@'), out format);
    }

    private static Dictionary<string, string?> Placeholders(string template)
    {
        var placeholders = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++; // "{{" is a literal brace
                continue;
            }

            var end = template.IndexOf('}', i);
            if (end < 0)
            {
                break;
            }

            var hole = template[(i + 1)..end];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? hole : hole[..colon];
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            name = (comma < 0 ? name : name[..comma]).Trim().TrimStart('@');
            placeholders[name] = colon < 0 ? null : hole[(colon + 1)..];
            i = end;
        }

        return placeholders;
    }
}
