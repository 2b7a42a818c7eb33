using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// The API's global rate limiter (ASP.NET Core's built-in middleware): a fixed window per API key name, or per
/// client address when the request carries no valid key. Runs after authentication, so a wrong key counts
/// against its address. A refused request gets 429 with <c>Retry-After</c> (seconds) and problem details.
/// </summary>
internal static class ApiRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, IOptions<ApiRateLimitOptions> options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var settings = options.Value;
            var partition = PartitionOf(context);
            var permits = partition.StartsWith(KeyPrefix, StringComparison.Ordinal) ? settings.PermitsPerKey : settings.PermitsPerAddress;
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = settings.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = OnRejectedAsync;
    }

    private const string KeyPrefix = "key ";

    internal static string PartitionOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? KeyPrefix + name
            : "address " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var window = context.RequestServices.GetRequiredService<IOptions<ApiRateLimitOptions>>().Value.Window;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var partition = PartitionOf(context);
        Log.RateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRateLimiting).FullName!), partition, context.Request.Path);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"More than the allowed requests per {window} for this {(partition.StartsWith(KeyPrefix, StringComparison.Ordinal) ? "API key" : "client address")}; try again in {seconds} s.",
            },
        });
    }
}
