using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Water;

/// <summary>
/// Configuration section <c>Water</c>: the meter registry (the only place that holds addresses), the planner API's default
/// municipality and the incident notices to residents. That <see cref="WaterRegistryOptions.ImportFile"/> exists is checked
/// against the content root by <see cref="WaterOptionsHostChecks"/>.
/// </summary>
internal sealed class WaterOptions : IValidatableObject
{
    public const string SectionName = "Water";

    /// <summary>The municipality the planner API answers for when a request names none.</summary>
    [Required]
    public string Municipality { get; set; } = "overhalla";

    /// <summary>Section <c>Water:Registry</c>.</summary>
    [ValidateObjectMembers]
    public WaterRegistryOptions Registry { get; set; } = new();

    /// <summary>Section <c>Water:Notices</c>.</summary>
    [ValidateObjectMembers]
    public WaterNoticesOptions Notices { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DeviceTopic.IsValidMunicipality(Municipality ?? string.Empty))
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Municipality))}: must be 2-40 lower-case letters, digits or '-', starting with a letter.",
                [nameof(Municipality)]);
        }
    }
}
