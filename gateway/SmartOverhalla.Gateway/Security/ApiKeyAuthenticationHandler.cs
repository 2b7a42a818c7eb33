using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// Authenticates a request by its API key, from <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key</c>. The
/// identity's name is the key's configured name; its role claims are the key's roles. No key: no result (the
/// authorization policy then answers 401); a wrong key: a failure. 401 and 403 are problem details (RFC 9457),
/// 401 with <c>WWW-Authenticate: ApiKey realm="smartoverhalla"</c>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string Prefix = ApiKeyDefaults.Scheme + " ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request.Headers);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = keys.Find(presented);
        if (identity is null)
        {
            // Someone guessing keys could otherwise fill the log: the first refusal and every hundredth are logged.
            var refused = keys.CountRefusal();
            if (refused == 1 || refused % 100 == 0)
            {
                Log.KeyRefused(Logger, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown", refused);
            }

            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, identity.Name) };
        claims.AddRange(identity.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} realm=\"{ApiKeyDefaults.Realm}\"";
        var detail = result.Failure is not null
            ? "The API key is not valid. Ask an administrator for a key."
            : $"This endpoint needs an API key: send 'Authorization: {ApiKeyDefaults.Scheme} <key>' or '{ApiKeyDefaults.HeaderName}: <key>'.";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var name = Context.User.Identity?.Name ?? "this key";
        var roles = string.Join(", ", Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Log.Forbidden(Logger, name, Request.Method, Request.Path);
        await WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Not allowed for this key's role",
            $"The key '{name}' (roles: {(roles.Length == 0 ? "none" : roles)}) may not use {Request.Method} {Request.Path}.");
    }

    /// <summary>The key from <c>Authorization: ApiKey …</c>, else from <c>X-Api-Key</c>; null when neither is given.</summary>
    internal static string? PresentedKey(IHeaderDictionary headers)
    {
        foreach (var value in headers.Authorization)
        {
            if (value is not null && value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return value[Prefix.Length..].Trim();
            }
        }

        var header = headers[ApiKeyDefaults.HeaderName];
        return header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]) ? header[0]!.Trim() : null;
    }

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
}
