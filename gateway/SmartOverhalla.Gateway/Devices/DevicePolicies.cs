using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SmartOverhalla.Gateway.Security;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// Authorization policies of the device API beyond the admin policy its route group has (Security/ApiPolicies.cs):
/// the LoRaWAN directory is read by operators and by the ingestion worker's service key too.
/// </summary>
internal static class DevicePolicies
{
    /// <summary><c>GET /api/v1/devices/lorawan</c>: roles operator, service and admin.</summary>
    public const string LoRaWanDirectory = "lorawan-directory";

    public static void AddTo(AuthorizationBuilder authorization) =>
        authorization.AddPolicy(LoRaWanDirectory, policy => policy
            .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimTypes.Role, ApiRoles.Operator, ApiRoles.Service, ApiRoles.Admin));
}
