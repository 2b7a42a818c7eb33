using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Influx;

/// <summary>
/// The retention policies a platform keeps besides the database default, and which measurements are written into
/// them. <see cref="IInfluxSchemaInitializer.EnsureDatabaseAsync"/> creates each policy (never as the default) or
/// alters its duration to the one planned; <see cref="IInfluxWriter"/> writes a point whose measurement is routed into
/// that policy unless the caller names a policy. Hosts add to it in code, through
/// <see cref="InfluxRetentionServiceCollectionExtensions.AddInfluxRetentionPlan"/>; every host that writes or reads the
/// same data must add the same plan, so that they all create the same policies and route the same way.
/// </summary>
public sealed class InfluxRetentionPlan : IValidatableObject
{
    private readonly Dictionary<string, TimeSpan> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _routes = new(StringComparer.Ordinal);
    private readonly List<string> _conflicts = [];

    /// <summary>Policy name → duration (at least <see cref="InfluxOptions.MinRetentionDuration"/>).</summary>
    public IReadOnlyDictionary<string, TimeSpan> Policies => _policies;

    /// <summary>Measurement → the policy its points are written to when the writer is given none.</summary>
    public IReadOnlyDictionary<string, string> Routes => _routes;

    /// <summary>
    /// Plans policy <paramref name="name"/> with <paramref name="duration"/>. Planning the same policy twice with the same
    /// duration is harmless; with another duration it is a conflict that fails validation at start.
    /// </summary>
    public InfluxRetentionPlan AddPolicy(string name, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_policies.TryGetValue(name, out var planned) && planned != duration)
        {
            _conflicts.Add($"retention policy '{name}' is planned twice, with {InfluxQl.FormatDuration(planned)} and {Format(duration)}");
            return this;
        }

        _policies[name] = duration;
        return this;
    }

    /// <summary>
    /// Writes points of <paramref name="measurement"/> into <paramref name="policy"/> (a policy of this plan). Routing one
    /// measurement to two policies is a conflict that fails validation at start.
    /// </summary>
    public InfluxRetentionPlan Route(string measurement, string policy)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(policy);
        if (_routes.TryGetValue(measurement, out var routed) && routed != policy)
        {
            _conflicts.Add($"measurement '{measurement}' is routed to both '{routed}' and '{policy}'");
            return this;
        }

        _routes[measurement] = policy;
        return this;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var conflict in _conflicts)
        {
            yield return new ValidationResult($"Retention plan: {conflict}.");
        }

        foreach (var (name, duration) in _policies)
        {
            // InfluxDB 1.x refuses names with '/', '\' or control characters (meta.ValidName), and durations under 1 h.
            if (string.IsNullOrWhiteSpace(name) || name.AsSpan().IndexOfAny('/', '\\') >= 0 || name.Any(char.IsControl))
            {
                yield return new ValidationResult($"Retention plan: policy name '{name}' is blank or contains '/', '\\' or a control character, which InfluxDB refuses.");
            }

            if (duration < InfluxOptions.MinRetentionDuration)
            {
                yield return new ValidationResult($"Retention plan: policy '{name}' must keep data at least {InfluxOptions.MinRetentionDuration}, not {duration}.");
            }
        }

        foreach (var (measurement, policy) in _routes)
        {
            if (string.IsNullOrEmpty(measurement))
            {
                yield return new ValidationResult("Retention plan: a route has an empty measurement.");
            }

            if (!_policies.ContainsKey(policy))
            {
                yield return new ValidationResult($"Retention plan: measurement '{measurement}' is routed to '{policy}', which the plan does not hold.");
            }
        }
    }

    private static string Format(TimeSpan duration) => duration >= TimeSpan.Zero ? InfluxQl.FormatDuration(duration) : duration.ToString();
}
