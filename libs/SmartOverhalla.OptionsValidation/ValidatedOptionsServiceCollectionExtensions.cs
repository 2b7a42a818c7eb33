using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.OptionsValidation;

/// <summary>
/// Registers options the one way this repository validates them (README.md of SmartOverhalla.OptionsValidation):
/// bound from their section, checked at start by their source-generated <c>[OptionsValidator]</c>, every failure named by
/// its configuration key.
/// </summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it at start with
    /// <typeparamref name="TValidator"/>, naming failures by keys below <c>section.Path</c>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class
        where TValidator : IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddValidatedOptions<TOptions, TValidator>(section.Path).Bind(section);
    }

    /// <summary>
    /// Validates <typeparamref name="TOptions"/> at start with <typeparamref name="TValidator"/>, naming failures by keys
    /// below <paramref name="sectionKey"/>; the caller binds or configures the options on the builder returned.
    /// A second call for the same options adds no second validator.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionKey)
        where TOptions : class
        where TValidator : IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions, TValidator>(sectionKey)));
        return services.AddOptionsWithValidateOnStart<TOptions>();
    }

    /// <summary>
    /// Validates the named instance <paramref name="name"/> of <typeparamref name="TOptions"/> (one per job, say) at start
    /// with <typeparamref name="TValidator"/>, naming failures by keys below <paramref name="sectionKey"/>; the caller
    /// configures and binds it on the builder returned (defaults first, then the section).
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string name, string sectionKey)
        where TOptions : class
        where TValidator : IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions, TValidator>(sectionKey, name));
        return services.AddOptions<TOptions>(name).ValidateOnStart();
    }
}
