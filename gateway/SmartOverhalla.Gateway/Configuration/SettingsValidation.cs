using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Configuration;

/// <summary>
/// Runs data-annotation validation on one options object and names each failure by its configuration key
/// (<c>Broker:Embedded:Port</c>), so an operator reading a failed start knows which setting to fix.
/// Reflection-based and on its way out: only the Alerts section still uses it, until Alerts moves to its own library
/// and takes the one way of SmartOverhalla.OptionsValidation (a source-generated validator, AddValidatedOptions).
/// </summary>
internal static class SettingsValidation
{
    public static void Validate(object options, string sectionPath, ICollection<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            foreach (var member in members)
            {
                var key = member.Length == 0 ? sectionPath : $"{sectionPath}:{member}";
                failures.Add($"{key}: {result.ErrorMessage}");
            }
        }
    }
}
