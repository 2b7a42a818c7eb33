using System.Collections.Frozen;
using SmartOverhalla.Contracts.Alerts;

namespace SmartOverhalla.Alerts;

/// <summary>
/// The alert types this host knows: every <see cref="AlertDefinition"/> the domains registered
/// (<c>services.AddAlertDefinitions(LightingAlertTypes.All)</c>), looked up by kind and type. Built once at start; two
/// definitions of one kind and type, or an unsound one, stop the start.
/// </summary>
public sealed class AlertCatalogue
{
    private readonly FrozenDictionary<(string Kind, string Type), AlertDefinition> _byKey;

    public AlertCatalogue(IEnumerable<AlertDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var byKey = new Dictionary<(string, string), AlertDefinition>();
        var problems = new List<string>();
        foreach (var definition in definitions.Distinct())
        {
            problems.AddRange(definition.Problems().Select(p => $"{definition}: {p}"));
            if (!byKey.TryAdd((definition.Kind, definition.Type), definition))
            {
                problems.Add($"{definition} is defined twice ({byKey[(definition.Kind, definition.Type)].Domain} and {definition.Domain})");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The alert catalogue is not sound: " + string.Join("; ", problems));
        }

        _byKey = byKey.ToFrozenDictionary();
        Definitions = [.. byKey.Values.OrderBy(d => d.Domain, StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal)];
    }

    /// <summary>Every definition, by domain, kind and type.</summary>
    public IReadOnlyList<AlertDefinition> Definitions { get; }

    /// <summary>Every type's wire name once, ordered (a type name may serve several kinds).</summary>
    public IEnumerable<string> TypeNames => Definitions.Select(d => d.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The domains with definitions, ordered.</summary>
    public IEnumerable<string> Domains => Definitions.Select(d => d.Domain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public bool TryGet(string kind, string type, out AlertDefinition definition) =>
        _byKey.TryGetValue((kind, type), out definition!);

    /// <summary>The definition of <paramref name="kind"/>/<paramref name="type"/>; throws for one this host does not know.</summary>
    public AlertDefinition Get(string kind, string type) =>
        TryGet(kind, type, out var definition) ? definition : throw new ArgumentException($"No alert type {kind}/{type} in the catalogue.", nameof(type));

    /// <summary>Whether any kind has a type named <paramref name="type"/> (exact wire names only).</summary>
    public bool HasType(string? type) => type is not null && Definitions.Any(d => d.Type == type);

    /// <summary>The severity's wire name, as the API writes it: <c>warning</c>, <c>critical</c>.</summary>
    public static string WireName(AlertSeverity severity) => severity == AlertSeverity.Critical ? "critical" : "warning";
}
