using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Testing;

/// <summary>
/// The <see cref="LoggerMessageAttribute"/> event ids of an assembly. Tests and operators find log lines by id, so two
/// messages sharing one id make both ambiguous (it happened when two components were built side by side).
/// </summary>
public static class LogEventIds
{
    /// <summary>Each event id used by more than one log message, with the methods that use it.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Duplicates(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return assembly.GetTypes()
            .SelectMany(type => type.GetMethods(all))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .GroupBy(m => m.Attribute!.EventId)
            .Where(group => group.Count() > 1)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<string>)[.. group.Select(m => $"{m.Method.DeclaringType?.FullName}.{m.Method.Name}")]);
    }

    /// <summary>How many log messages with an event id the assembly declares (so a test can show it looked at some).</summary>
    public static int Count(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return assembly.GetTypes().SelectMany(type => type.GetMethods(all)).Count(method => method.GetCustomAttribute<LoggerMessageAttribute>() is not null);
    }
}
