using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartOverhalla.Gateway.Security;

namespace SmartOverhalla.Gateway.OpenApi;

/// <summary>
/// Describes the API-key scheme in the OpenAPI document and, on every operation that is not anonymous, the
/// requirement, the roles its policy admits, and the 401, 403 and 429 answers.
/// </summary>
internal static class ApiKeySecurityTransformer
{
    private static readonly Dictionary<string, string> RolesOfPolicy = new(StringComparer.Ordinal)
    {
        [ApiPolicies.Operator] = "operator, admin",
        [ApiPolicies.Planner] = "planner, admin",
        [ApiPolicies.Admin] = "admin",
        [ApiPolicies.Service] = "service, admin",
        [ApiPolicies.AnyRole] = "operator, planner, admin",
        [ApiPolicies.AnyRoleOrService] = "operator, planner, admin, service",
        [ApiPolicies.Household] = "household (not implied by admin)",
        [Devices.DevicePolicies.LoRaWanDirectory] = "operator, admin, service",
    };

    public static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = $"An API key from an administrator, in '{ApiKeyDefaults.HeaderName}: <key>' or 'Authorization: {ApiKeyDefaults.Scheme} <key>'. " +
                "Each key has a name (recorded as who acted) and roles: operator, planner, admin, service, household.",
        };
        return Task.CompletedTask;
    }

    public static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, context.Document)] = [] });
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var roles = policies.Count == 0 ? "any valid key" : string.Join("; ", policies.Select(p => RolesOfPolicy.GetValueOrDefault(p, p)));
        operation.Description = $"{operation.Description}\n\nRoles: {roles}.".TrimStart();
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or not a valid one (problem details, with WWW-Authenticate)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key's roles do not allow this (problem details)." });
        operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests for this key or address (problem details, with Retry-After in seconds)." });
        return Task.CompletedTask;
    }
}
