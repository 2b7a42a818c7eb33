using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Testing;

/// <summary>
/// The <see cref="LoggerMessageAttribute"/> event ids of an assembly. Tests and operators find log lines by id, so two
/// messages sharing one id make both ambiguous (it happened when two components were built side by side).
/// </summary>
public static class LogEventIds
{
    /// <summary>
    /// Each event id used by more than one log message of <paramref name="assemblies"/> (a host and the libraries whose
    /// messages go into its log), with the methods that use it.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Duplicates(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return assemblies.Distinct().SelectMany(a => a.GetTypes())
            .SelectMany(type => type.GetMethods(all))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .GroupBy(m => m.Attribute!.EventId)
            .Where(group => group.Count() > 1)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<string>)[.. group.Select(m => $"{m.Method.DeclaringType?.FullName}.{m.Method.Name}")]);
    }

    /// <summary>How many log messages with an event id the assemblies declare (so a test can show it looked at some).</summary>
    public static int Count(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return assemblies.Distinct().SelectMany(a => a.GetTypes()).SelectMany(type => type.GetMethods(all)).Count(method => method.GetCustomAttribute<LoggerMessageAttribute>() is not null);
    }
}
