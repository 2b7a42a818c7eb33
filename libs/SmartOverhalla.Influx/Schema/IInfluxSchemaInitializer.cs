namespace SmartOverhalla.Influx;

/// <summary>
/// Applies the database schema at start: the database and its retention policies. Every call is idempotent,
/// so every service may call it on start (with its own retry while InfluxDB is still starting).
/// </summary>
public interface IInfluxSchemaInitializer
{
    /// <summary>
    /// Creates <see cref="InfluxOptions.Database"/> when missing and, when <see cref="InfluxOptions.RetentionPolicy"/>
    /// is set, makes it exist as the database default with <see cref="InfluxOptions.RetentionDuration"/>.
    /// </summary>
    /// <exception cref="InfluxQueryException">InfluxDB refused or could not be reached.</exception>
    Task EnsureDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates retention policy <paramref name="name"/> on the configured database, or alters its duration
    /// (null: infinite) and default flag when it exists with other values.
    /// </summary>
    /// <exception cref="InfluxQueryException">InfluxDB refused or could not be reached.</exception>
    Task EnsureRetentionPolicyAsync(string name, TimeSpan? duration, bool isDefault, CancellationToken cancellationToken);
}
