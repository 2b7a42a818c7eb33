namespace SmartOverhalla.Influx;

/// <summary>
/// Applies the database schema at start: the database and its retention policies. Every call is idempotent,
/// so every service may call it on start (with its own retry while InfluxDB is still starting).
/// </summary>
public interface IInfluxSchemaInitializer
{
    /// <summary>
    /// Creates <see cref="InfluxOptions.Database"/> when <c>SHOW DATABASES</c> does not list it and, when
    /// <see cref="InfluxOptions.RetentionPolicy"/> is set, makes it exist as the database default with
    /// <see cref="InfluxOptions.RetentionDuration"/>, then makes every policy of the <see cref="InfluxRetentionPlan"/> exist
    /// (not as the default) with its planned duration, altering one that exists with another duration (logged as a
    /// warning: a shorter one drops older data). When everything already exists and matches, only SHOW statements
    /// run, so a non-admin user with ALL on the database suffices (InfluxDB 1.x allows CREATE/ALTER to admins only).
    /// </summary>
    /// <exception cref="InfluxQueryException">
    /// InfluxDB refused or could not be reached. A CREATE or ALTER refused for lack of admin privilege (403) is
    /// non-transient, and its message names the database or policy, the user, and what an admin must do.
    /// </exception>
    Task EnsureDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates retention policy <paramref name="name"/> on the configured database, or alters its duration
    /// (null: infinite; with it the shard duration InfluxDB would give a new policy) and default flag when it exists with
    /// other values.
    /// </summary>
    /// <exception cref="InfluxQueryException">InfluxDB refused or could not be reached (lack of admin privilege: as above).</exception>
    Task EnsureRetentionPolicyAsync(string name, TimeSpan? duration, bool isDefault, CancellationToken cancellationToken);
}
