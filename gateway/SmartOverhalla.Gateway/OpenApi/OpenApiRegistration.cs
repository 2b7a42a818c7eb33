using Microsoft.OpenApi;

namespace SmartOverhalla.Gateway.OpenApi;

/// <summary>The gateway's OpenAPI document at <c>/openapi/v1.json</c>; every HTTP endpoint is described there.</summary>
internal static class OpenApiRegistration
{
    public const string DocumentName = "v1";
    public const string Title = "SmartOverhalla gateway API";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOpenApi(DocumentName, options => options
            .AddDocumentTransformer(ApiKeySecurityTransformer.TransformDocumentAsync)
            .AddOperationTransformer(ApiKeySecurityTransformer.TransformOperationAsync)
            .AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = Title,
                Version = DocumentName,
                Description = "HTTP API of the SmartOverhalla gateway: health (anonymous), lighting control, overrides, savings, alerts, water " +
                    "and the audit log. Every endpoint but /health and this document needs an API key (security scheme ApiKey); " +
                    "each operation names the roles it admits.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }
}
