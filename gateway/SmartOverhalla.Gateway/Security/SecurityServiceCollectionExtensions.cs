using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// The HTTP API's security: API-key authentication, one authorization policy per role (<see cref="ApiPolicies"/>)
/// with a fallback that requires a valid key everywhere else, and rate limiting per key or client address.
/// </summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>(configuration.GetSection(ApiKeyOptions.SectionName));
        services.AddValidatedOptions<ApiRateLimitOptions, ApiRateLimitOptionsValidator>(configuration.GetSection(ApiRateLimitOptions.SectionName));
        services.TryAddSingleton<ApiKeyRing>();
        services.AddHostedService<ApiKeyStartupReport>();
        services.AddProblemDetails();

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: "API key", _ => { });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicies.Operator, RoleOrAdmin(ApiRoles.Operator))
            .AddPolicy(ApiPolicies.Planner, RoleOrAdmin(ApiRoles.Planner))
            .AddPolicy(ApiPolicies.Admin, RoleOrAdmin())
            .AddPolicy(ApiPolicies.Service, RoleOrAdmin(ApiRoles.Service))
            .AddPolicy(ApiPolicies.AnyRole, RoleOrAdmin(ApiRoles.Operator, ApiRoles.Planner))
            .AddPolicy(ApiPolicies.AnyRoleOrService, RoleOrAdmin(ApiRoles.Operator, ApiRoles.Planner, ApiRoles.Service))
            // Data minimisation: personal data needs its own role, which admin does not imply.
            .AddPolicy(ApiPolicies.Household, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ClaimTypes.Role, ApiRoles.Household));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiRateLimitOptions>>(ApiRateLimiting.Configure);
        return services;
    }

    /// <summary>Authentication, then the rate limiter (so it knows the key), then authorization.</summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static Action<AuthorizationPolicyBuilder> RoleOrAdmin(params string[] roles) => policy => policy
        .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
        .RequireAuthenticatedUser()
        .RequireClaim(ClaimTypes.Role, [.. roles, ApiRoles.Admin]);
}
