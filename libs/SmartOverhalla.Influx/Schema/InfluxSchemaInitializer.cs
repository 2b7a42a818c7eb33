using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Creates the database and retention policies with InfluxQL (InfluxQL reference, "Database management").</summary>
internal sealed class InfluxSchemaInitializer(
    IInfluxQueryClient queryClient,
    IOptions<InfluxOptions> options,
    ILogger<InfluxSchemaInitializer> logger) : IInfluxSchemaInitializer
{
    private readonly InfluxOptions _options = options.Value;

    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        // CREATE DATABASE is a no-op when the database exists (since InfluxDB 0.13).
        await queryClient.QueryAsync("CREATE DATABASE " + InfluxQl.QuoteIdentifier(_options.Database), cancellationToken);
        Log.DatabaseEnsured(logger, _options.Database);
        if (!string.IsNullOrEmpty(_options.RetentionPolicy))
        {
            await EnsureRetentionPolicyAsync(_options.RetentionPolicy, _options.RetentionDuration, isDefault: true, cancellationToken);
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

        string action;
        if (existing is null)
        {
            await queryClient.QueryAsync(
                $"CREATE RETENTION POLICY {policy} ON {database} DURATION {durationText} REPLICATION 1{(isDefault ? " DEFAULT" : string.Empty)}",
                cancellationToken);
            action = "created";
        }
        else if (existing.Value.Duration != (duration ?? TimeSpan.Zero) || (isDefault && !existing.Value.IsDefault))
        {
            await queryClient.QueryAsync(
                $"ALTER RETENTION POLICY {policy} ON {database} DURATION {durationText}{(isDefault ? " DEFAULT" : string.Empty)}",
                cancellationToken);
            action = "altered";
        }
        else
        {
            action = "unchanged";
        }

        Log.RetentionPolicyEnsured(logger, name, _options.Database, action, durationText, isDefault || existing?.IsDefault == true);
    }

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
