using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.ServiceDefaults.Secrets;

/// <summary>
/// Refuses to start outside the Development environment while a configured secret is empty or a known default
/// (<see cref="SecretSettings"/>). It runs as start-up options validation, so the host stops before any service
/// starts or any port opens, with a message naming each key (never its value).
/// </summary>
internal sealed class SecretsStartupCheck(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<SecretsCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsCheckOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var problems = SecretSettings.FindProblems(configuration);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"Refusing to start in the {environment.EnvironmentName} environment: {p}"));
    }
}
