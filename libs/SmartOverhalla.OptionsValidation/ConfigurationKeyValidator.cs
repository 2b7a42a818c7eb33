using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.OptionsValidation;

/// <summary>
/// Runs the source-generated validator <typeparamref name="TValidator"/> of one configuration section and names every
/// failure by its configuration key, as an operator writes it: <c>Broker:Embedded:Port: The field Port must be
/// between 1 and 65535.</c> rather than the generated <c>Port: The field BrokerOptions.Embedded.Port must be …</c>.
/// It gives the generated validator the section's key as its name, so the generated member paths start with it, and
/// rewrites those paths; messages of the options' own rules (<see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>)
/// already start with their key (<see cref="ConfigurationKey.Of"/>) and only lose the member list the generated code
/// puts before them. Register it with <see cref="ValidatedOptionsServiceCollectionExtensions.AddValidatedOptions{TOptions, TValidator}(Microsoft.Extensions.DependencyInjection.IServiceCollection, string)"/>.
/// </summary>
/// <typeparam name="TOptions">The options class.</typeparam>
/// <typeparam name="TValidator">Its <c>[OptionsValidator]</c> partial class.</typeparam>
public sealed class ConfigurationKeyValidator<TOptions, TValidator> : IValidateOptions<TOptions>
    where TOptions : class
    where TValidator : IValidateOptions<TOptions>, new()
{
    private readonly TValidator _generated = new();
    private readonly Regex _memberPath;
    private readonly Regex _memberList;

    /// <param name="sectionKey">The section's configuration key, e.g. <c>Broker</c> or <c>Ingestion:Spool</c>.</param>
    /// <param name="optionsName">For named options (one instance per job, say): the name this section binds; other names are skipped. Null: the unnamed instance (and any name).</param>
    public ConfigurationKeyValidator(string sectionKey, string? optionsName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionKey);
        SectionKey = sectionKey;
        OptionsName = optionsName;
        var section = Regex.Escape(sectionKey);
        // "Broker.Embedded.Port" or "ApiKeys.Keys[2]": the section's key, then the generated validator's member path.
        _memberPath = new Regex($@"(?<![\w:.]){section}(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])+", RegexOptions.CultureInvariant);
        // "ReceiveMaximum, BatchSize: " before a message that starts with its own key (ValidateOptionsResultBuilder's format).
        _memberList = new Regex($@"^[A-Za-z_][A-Za-z0-9_]*(?:, [A-Za-z_][A-Za-z0-9_]*)*: (?={section}\b)", RegexOptions.CultureInvariant);
    }

    /// <summary>The section's configuration key, which starts every failure.</summary>
    public string SectionKey { get; }

    /// <summary>The named instance this validator checks, or null for the unnamed one.</summary>
    public string? OptionsName { get; }

    /// <summary>Validates the options bound from <see cref="SectionKey"/>: the named instance <see cref="OptionsName"/> when set, else any.</summary>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OptionsName is not null && !string.Equals(name, OptionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var result = _generated.Validate(SectionKey, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(NameByKey))
            : result;
    }

    private string NameByKey(string failure)
    {
        var path = _memberPath.Match(failure);
        if (!path.Success)
        {
            return _memberList.Replace(failure, string.Empty, 1);
        }

        // An attribute's failure: "{Member}: The field {path} must be …" → "{key}: The field {Member} must be …".
        var key = ConfigurationKey.FromPath(path.Value);
        var member = key[(key.LastIndexOf(':') + 1)..];
        var text = failure.Replace(path.Value, member, StringComparison.Ordinal);
        var memberList = member + ": ";
        if (text.StartsWith(memberList, StringComparison.Ordinal))
        {
            text = text[memberList.Length..];
        }

        return $"{key}: {text}";
    }
}
