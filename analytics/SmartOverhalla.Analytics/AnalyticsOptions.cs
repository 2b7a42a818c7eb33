using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics;

/// <summary>
/// Configuration section <c>Analytics</c>: who this instance is and which share of the partitions it owns
/// (instance <see cref="InstanceIndex"/> of <see cref="InstanceCount"/>, design.md "Scale").
/// </summary>
internal sealed class AnalyticsOptions : IValidatableObject
{
    public const string SectionName = "Analytics";

    /// <summary>Default time between two self-metrics points.</summary>
    public static readonly TimeSpan DefaultSelfMetricsInterval = TimeSpan.FromSeconds(30);

    /// <summary>Name in logs and the <c>instance</c> tag of its series; default: the host name (a container's id).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "The field {0} must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.")]
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>
    /// This instance's position, 0 to <see cref="InstanceCount"/> − 1: a Kubernetes StatefulSet ordinal, or one number
    /// per compose service. Two instances with the same index would compute the same partitions (harmless, since jobs
    /// are idempotent, but twice the work); an index no instance has leaves its partitions undone.
    /// </summary>
    [Range(0, 999)]
    public int InstanceIndex { get; set; }

    /// <summary>How many analytics instances share the work; the same value on every instance.</summary>
    [Range(1, 1000)]
    public int InstanceCount { get; set; } = 1;

    /// <summary>How often the instance writes its jobs' progress to <c>platform_analytics</c> (lag, last run, failures).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SelfMetricsInterval { get; set; } = DefaultSelfMetricsInterval;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InstanceIndex >= InstanceCount)
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(InstanceIndex))}: must be less than {ConfigurationKey.Of(validationContext, nameof(InstanceCount))} ({InstanceCount}); got {InstanceIndex}. Instances are numbered 0 to {InstanceCount - 1}.",
                [nameof(InstanceIndex)]);
        }
    }
}
