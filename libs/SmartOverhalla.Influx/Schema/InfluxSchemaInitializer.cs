using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Creates the database and retention policies with InfluxQL (InfluxQL reference, "Database management").</summary>
internal sealed class InfluxSchemaInitializer(
    IInfluxQueryClient queryClient,
    IOptions<InfluxOptions> options,
    IOptions<InfluxRetentionPlan> plan,
    ILogger<InfluxSchemaInitializer> logger) : IInfluxSchemaInitializer
{
    private readonly InfluxOptions _options = options.Value;
    private readonly InfluxRetentionPlan _plan = plan.Value;

    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        // Look before creating: CREATE DATABASE needs admin privilege in InfluxDB 1.x even when the database
        // exists (it is authorised before it runs), while SHOW DATABASES needs none and lists the databases the
        // user may read. A service account with ALL on an existing database therefore never needs admin.
        string action;
        if (await DatabaseExistsAsync(cancellationToken))
        {
            action = "found";
        }
        else
        {
            await CreateDatabaseAsync(cancellationToken);
            action = "created";
        }

        Log.DatabaseEnsured(logger, _options.Database, action);
        if (!string.IsNullOrEmpty(_options.RetentionPolicy))
        {
            await EnsureRetentionPolicyAsync(_options.RetentionPolicy, _options.RetentionDuration, isDefault: true, cancellationToken);
        }

        // The plan's policies next to the default, never as it: data not routed stays where it always went.
        foreach (var (name, duration) in _plan.Policies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await EnsureRetentionPolicyAsync(name, duration, isDefault: false, cancellationToken);
        }
    }

    public async Task EnsureRetentionPolicyAsync(string name, TimeSpan? duration, bool isDefault, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (duration is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, InfluxOptions.MinRetentionDuration, nameof(duration));
        }

        var database = InfluxQl.QuoteIdentifier(_options.Database);
        var policy = InfluxQl.QuoteIdentifier(name);
        var durationText = duration is { } value ? InfluxQl.FormatDuration(value) : "INF";
        var existing = await FindAsync(name, cancellationToken);

        // Only SHOW RETENTION POLICIES (READ on the database) runs when the policy already matches; CREATE and
        // ALTER need admin privilege in InfluxDB 1.x.
        string action;
        if (existing is null)
        {
            await RunAdminStatementAsync(
                $"CREATE RETENTION POLICY {policy} ON {database} DURATION {durationText} REPLICATION 1{(isDefault ? " DEFAULT" : string.Empty)}",
                $"Retention policy '{name}' on database '{_options.Database}' does not exist",
                "An admin must create it with that statement",
                cancellationToken);
            action = "created";
        }
        else if (existing.Value.Duration != (duration ?? TimeSpan.Zero) || (isDefault && !existing.Value.IsDefault))
        {
            // A new duration takes the shard duration InfluxDB gives a new policy of that duration: 1.6 refuses a
            // duration shorter than the shard duration ("retention policy duration must be greater than the shard
            // duration"), and a long policy left with 1 h shards would hold thousands of them.
            var durationChanged = existing.Value.Duration != (duration ?? TimeSpan.Zero);
            var shardText = InfluxQl.FormatDuration(DefaultShardDuration(duration ?? TimeSpan.Zero));
            await RunAdminStatementAsync(
                $"ALTER RETENTION POLICY {policy} ON {database} DURATION {durationText}{(durationChanged ? " SHARD DURATION " + shardText : string.Empty)}{(isDefault ? " DEFAULT" : string.Empty)}",
                $"Retention policy '{name}' on database '{_options.Database}' is {FormatPolicyDuration(existing.Value.Duration)}{(existing.Value.IsDefault ? " (default)" : string.Empty)}, not {durationText}{(isDefault ? " (default)" : string.Empty)} as configured",
                "An admin must alter it with that statement (or the configuration must match it)",
                cancellationToken);
            action = "altered";
            if (durationChanged)
            {
                Log.RetentionPolicyDurationChanged(logger, name, _options.Database, FormatPolicyDuration(existing.Value.Duration), durationText, shardText);
            }
        }
        else
        {
            action = "unchanged";
        }

        Log.RetentionPolicyEnsured(logger, name, _options.Database, action, durationText, isDefault || existing?.IsDefault == true);
    }

    private async Task<bool> DatabaseExistsAsync(CancellationToken cancellationToken)
    {
        var result = await queryClient.QueryAsync("SHOW DATABASES", cancellationToken);
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.RowCount; row++)
            {
                if (series.GetString(row, "name") == _options.Database)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Task CreateDatabaseAsync(CancellationToken cancellationToken) =>
        RunAdminStatementAsync(
            "CREATE DATABASE " + InfluxQl.QuoteIdentifier(_options.Database),
            $"Database '{_options.Database}' does not exist (or {DescribeUser()} may not read it)",
            $"An admin must create database '{_options.Database}' and grant {DescribeUser()} ALL on it (GRANT ALL ON {InfluxQl.QuoteIdentifier(_options.Database)} TO {(string.IsNullOrEmpty(_options.Username) ? "<user>" : InfluxQl.QuoteIdentifier(_options.Username))})",
            cancellationToken);

    /// <summary>
    /// Runs a statement InfluxDB 1.x allows admins only; a refusal for lack of rights (403) becomes an error that
    /// says what is missing and what an operator can do, instead of InfluxDB's bare "requires admin privilege".
    /// </summary>
    private async Task RunAdminStatementAsync(string statement, string situation, string remedy, CancellationToken cancellationToken)
    {
        try
        {
            await queryClient.QueryAsync(statement, cancellationToken);
        }
        catch (InfluxQueryException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            var user = DescribeUser();
            throw new InfluxQueryException(
                $"{situation}, and {user} may not change that: InfluxDB refused '{statement}' for lack of admin privilege ({ex.ServerMessage}). "
                + $"{remedy}, or {user} needs admin rights.",
                ex.StatusCode,
                ex.ServerMessage,
                isTransient: false,
                ex.StatementId,
                ex);
        }
    }

    /// <summary>
    /// The shard group duration InfluxDB 1.x chooses for a new policy (meta.shardGroupDuration): 7 days from 6 months
    /// (and for infinite), 1 day from 2 days, else 1 hour.
    /// </summary>
    internal static TimeSpan DefaultShardDuration(TimeSpan duration) =>
        duration == TimeSpan.Zero || duration >= TimeSpan.FromDays(180) ? TimeSpan.FromDays(7)
        : duration >= TimeSpan.FromDays(2) ? TimeSpan.FromDays(1)
        : TimeSpan.FromHours(1);

    private static string FormatPolicyDuration(TimeSpan duration) => duration == TimeSpan.Zero ? "INF" : InfluxQl.FormatDuration(duration);

    private string DescribeUser() =>
        !string.IsNullOrEmpty(_options.Username) ? $"user '{_options.Username}'"
        : !string.IsNullOrEmpty(_options.Token) ? "the token's user"
        : "the anonymous user";

    private async Task<(TimeSpan Duration, bool IsDefault)?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var result = await queryClient.QueryAsync("SHOW RETENTION POLICIES ON " + InfluxQl.QuoteIdentifier(_options.Database), cancellationToken);
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.RowCount; row++)
            {
                if (series.GetString(row, "name") == name)
                {
                    return (ParseGoDuration(series.GetString(row, "duration") ?? "0s"), series.GetBoolean(row, "default") == true);
                }
            }
        }

        return null;
    }

    /// <summary>Parses the Go duration InfluxDB shows, e.g. <c>720h0m0s</c>; <c>0s</c> means infinite.</summary>
    internal static TimeSpan ParseGoDuration(string text)
    {
        var total = TimeSpan.Zero;
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            var number = double.Parse(span[..digits], NumberStyles.Float, CultureInfo.InvariantCulture);
            span = span[digits..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]))
            {
                unitLength++;
            }

            total += span[..unitLength] switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                "us" or "µs" => TimeSpan.FromMicroseconds(number),
                "ns" => TimeSpan.FromTicks((long)(number / TimeSpan.NanosecondsPerTick)),
                _ => throw new FormatException($"Unknown unit in duration '{text}'."),
            };
            span = span[unitLength..];
        }

        return total;
    }
}
