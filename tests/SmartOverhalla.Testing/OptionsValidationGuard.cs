using System.CodeDom.Compiler;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Testing;

/// <summary>
/// Keeps options validation to its one way (libs/SmartOverhalla.OptionsValidation/README.md): every options class of the
/// product that a host registers is validated by its source-generated <c>[OptionsValidator]</c> through
/// <see cref="ConfigurationKeyValidator{TOptions, TValidator}"/>, beside which only <c>…HostChecks</c> validators may
/// run; no <c>ValidateDataAnnotations()</c> (reflection), no lambdas, no other hand-written validators. Each host's test
/// project runs it over the host's real service collection.
/// </summary>
public static class OptionsValidationGuard
{
    /// <summary>
    /// The options classes validated another way on purpose, each with the reason: the one list of exceptions. A class
    /// listed here that is validated the one way after all is reported too, so the list cannot go stale.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KnownExceptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Not settings: a marker whose start-up "validation" is the secrets check over the whole configuration.
        ["SmartOverhalla.ServiceDefaults.Secrets.SecretsCheckOptions"] = "the secrets check runs as start-up options validation of a marker type",
    };

    private const string GeneratorName = "Microsoft.Extensions.Options.SourceGeneration";
    private const string HostChecksSuffix = "HostChecks";

    private static readonly Type[] OptionsServices =
        [typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>), typeof(IOptionsChangeTokenSource<>)];

    /// <summary>
    /// What breaks the rule in <paramref name="services"/> (a host's composition, not yet built): each options class of a
    /// SmartOverhalla assembly it configures or validates, and each class with a <c>SectionName</c> constant in
    /// <paramref name="sectionAssemblies"/> (which the host must therefore register), unless it is a known exception.
    /// </summary>
    public static IReadOnlyList<string> Problems(IServiceCollection services, params Assembly[] sectionAssemblies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sectionAssemblies);
        var registered = services
            .Where(d => d.ServiceType.IsGenericType && OptionsServices.Contains(d.ServiceType.GetGenericTypeDefinition()))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(IsProductType)
            .Distinct()
            .ToList();

        var problems = new List<string>();
        foreach (var section in sectionAssemblies.SelectMany(a => a.GetTypes()).Where(HasSectionName).Where(t => !registered.Contains(t)))
        {
            if (!KnownExceptions.ContainsKey(section.FullName!))
            {
                problems.Add($"{section.FullName}: has a SectionName but the host does not register it (AddValidatedOptions).");
            }
        }

        foreach (var options in registered)
        {
            var validators = services
                .Where(d => d.ServiceType == typeof(IValidateOptions<>).MakeGenericType(options))
                .Select(ImplementationType)
                .ToList();
            // Named options (one instance per job) register the same validator once per name: one validator class counts once.
            var own = validators.Where(IsGeneratedThroughConfigurationKeys).Distinct().Count();
            var others = validators.Where(v => !IsGeneratedThroughConfigurationKeys(v) && v?.Name.EndsWith(HostChecksSuffix, StringComparison.Ordinal) != true).ToList();
            var compliant = own == 1 && others.Count == 0;
            if (KnownExceptions.ContainsKey(options.FullName!))
            {
                if (compliant)
                {
                    problems.Add($"{options.FullName}: is validated the one way now; remove it from {nameof(OptionsValidationGuard)}.{nameof(KnownExceptions)}.");
                }

                continue;
            }

            if (own != 1)
            {
                problems.Add($"{options.FullName}: needs exactly one source-generated [OptionsValidator] registered with AddValidatedOptions; found {own}.");
            }

            foreach (var other in others)
            {
                problems.Add($"{options.FullName}: is also validated by {other?.FullName ?? "a factory"}; use attributes, IValidatableObject or a …{HostChecksSuffix} class instead.");
            }
        }

        return problems;
    }

    private static bool IsProductType(Type type) => type.Assembly.GetName().Name?.StartsWith("SmartOverhalla.", StringComparison.Ordinal) == true;

    private static bool HasSectionName(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string);

    private static Type? ImplementationType(ServiceDescriptor descriptor) =>
        descriptor.IsKeyedService ? null : descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType();

    /// <summary>A <see cref="ConfigurationKeyValidator{TOptions, TValidator}"/> around a validator whose <c>Validate</c> the options generator wrote.</summary>
    private static bool IsGeneratedThroughConfigurationKeys(Type? validator)
    {
        if (validator is not { IsGenericType: true } || validator.GetGenericTypeDefinition() != typeof(ConfigurationKeyValidator<,>))
        {
            return false;
        }

        var arguments = validator.GetGenericArguments();
        var validate = arguments[1].GetMethod(nameof(IValidateOptions<object>.Validate), [typeof(string), arguments[0]]);
        return validate?.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == GeneratorName;
    }
}
