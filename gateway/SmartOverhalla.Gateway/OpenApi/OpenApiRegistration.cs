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

        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = Title,
                Version = DocumentName,
                Description = "HTTP API of the SmartOverhalla gateway: health of the platform's dependencies now; " +
                    "device registry, control and operator/planner endpoints as they arrive.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }
}
