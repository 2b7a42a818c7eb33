using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.OptionsValidation.Tests.Samples;

/// <summary>A section as the product has them: ranges, a nested section, and rules of its own.</summary>
public sealed class ListenerOptions : IValidatableObject
{
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    public string? Password { get; set; }

    [ValidateObjectMembers]
    public TlsListenerOptions Tls { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Tls.Enabled && Tls.Port == Port)
        {
            yield return new ValidationResult(
                $"{ConfigurationKey.Of(validationContext, nameof(Tls), nameof(TlsListenerOptions.Port))}: {Tls.Port} is the plain listener's port too.",
                [nameof(Tls), nameof(Port)]);
        }

        if (Password is { Length: > 0 and < 16 })
        {
            yield return new ValidationResult($"{ConfigurationKey.Of(validationContext, nameof(Password))}: must be at least 16 characters (the value is not shown).");
        }
    }
}
