using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Influx;

/// <summary>Where and how to reach InfluxDB through its v1 HTTP API (configuration section <see cref="SectionName"/>).</summary>
public sealed class InfluxOptions : IValidatableObject
{
    /// <summary>The configuration section bound by default.</summary>
    public const string SectionName = "InfluxDb";

    /// <summary>Default <see cref="Url"/>: a local InfluxDB on its standard port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8086/";

    /// <summary>Default <see cref="Database"/>.</summary>
    public const string DefaultDatabase = "smartoverhalla";

    /// <summary>Default <see cref="Timeout"/>: 10 s (InfluxDB's own coordinator write-timeout).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Shortest <see cref="RetentionDuration"/> InfluxDB accepts (InfluxQL reference, "CREATE RETENTION POLICY").</summary>
    public static readonly TimeSpan MinRetentionDuration = TimeSpan.FromHours(1);

    /// <summary>Base URL of the HTTP API (http or https); InfluxDB 2.x/3.x serve the same v1 endpoints.</summary>
    [Required]
    public Uri Url { get; set; } = new(DefaultUrl);

    /// <summary>Database written and queried (in 2.x/3.x: the bucket mapped to it).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = DefaultDatabase;

    /// <summary>Retention policy written to; null writes to the database default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>
    /// Duration that <see cref="IInfluxSchemaInitializer.EnsureDatabaseAsync"/> gives <see cref="RetentionPolicy"/>
    /// (at least 1 h); null keeps data forever. Ignored without <see cref="RetentionPolicy"/>.
    /// </summary>
    public TimeSpan? RetentionDuration { get; set; }

    /// <summary>User for HTTP Basic authentication (InfluxDB 1.x with <c>auth-enabled</c>).</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>; from configuration or environment, never from the repo.</summary>
    public string? Password { get; set; }

    /// <summary>API token, sent as <c>Authorization: Token …</c> (InfluxDB 2.x/3.x v1 compatibility). Not together with <see cref="Username"/>.</summary>
    public string? Token { get; set; }

    /// <summary>How long one request may take, connect included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Send write bodies gzip-compressed (worth it over slow links; on localhost it only costs CPU).</summary>
    public bool CompressWrites { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            // An absolute URL is not shown: its user-info part may hold a password.
            var what = url.IsAbsoluteUri ? $"an '{url.Scheme}' URL" : $"'{url}'";
            yield return new ValidationResult($"{Key(validationContext, nameof(Url))}: must be an absolute http or https URL, not {what}.", [nameof(Url)]);
        }

        if (!string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(Username))
        {
            yield return new ValidationResult(
                $"{Key(validationContext, nameof(Token))}: set either it or {Key(validationContext, nameof(Username))}, not both.", [nameof(Token), nameof(Username)]);
        }

        if (!string.IsNullOrEmpty(Password) && string.IsNullOrEmpty(Username))
        {
            yield return new ValidationResult($"{Key(validationContext, nameof(Password))}: is set without {Key(validationContext, nameof(Username))}.", [nameof(Password)]);
        }

        if (RetentionPolicy is { } policy && string.IsNullOrWhiteSpace(policy))
        {
            yield return new ValidationResult($"{Key(validationContext, nameof(RetentionPolicy))}: is blank; leave it out to use the database default.", [nameof(RetentionPolicy)]);
        }

        foreach (var (name, value) in new[] { (nameof(Database), Database), (nameof(RetentionPolicy), RetentionPolicy) })
        {
            // InfluxDB 1.x answers "invalid name" for names with a slash, a backslash or a non-printable
            // character (meta.ValidName): better said at start than at the first CREATE.
            if (!string.IsNullOrEmpty(value) && (value.AsSpan().IndexOfAny('/', '\\') >= 0 || value.Any(char.IsControl)))
            {
                yield return new ValidationResult($"{Key(validationContext, name)}: '{value}' contains '/', '\\' or a control character, which InfluxDB refuses in names.", [name]);
            }
        }

        if (RetentionDuration is { } duration && duration < MinRetentionDuration)
        {
            yield return new ValidationResult($"{Key(validationContext, nameof(RetentionDuration))}: must be at least {MinRetentionDuration}, not {duration}.", [nameof(RetentionDuration)]);
        }
    }

    private static string Key(ValidationContext validationContext, string member) => ConfigurationKey.Of(validationContext, member);
}
