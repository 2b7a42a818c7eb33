namespace SmartOverhalla.Gateway.Security;

/// <summary>The API security log catalogue (event ids 9100–9199): key names and paths, never a key or a hash.</summary>
internal static partial class Log
{
    [LoggerMessage(9100, LogLevel.Warning, "An API key was refused for {Path} from {RemoteAddress}: not a configured key ({Refused} refused since start; the first and every hundredth are logged)")]
    public static partial void KeyRefused(ILogger logger, PathString path, string remoteAddress, long refused);

    [LoggerMessage(9101, LogLevel.Information, "API key {KeyName} may not use {Method} {Path}: its role does not allow it")]
    public static partial void Forbidden(ILogger logger, string keyName, string method, PathString path);

    [LoggerMessage(9102, LogLevel.Information, "Rate limit: {Partition} exceeded its requests per window; answered 429 for {Path}")]
    public static partial void RateLimited(ILogger logger, string partition, PathString path);

    [LoggerMessage(9103, LogLevel.Warning, "No API keys are configured: every API endpoint except /health answers 401 (README, \"API keys\")")]
    public static partial void NoKeys(ILogger logger);
}
