namespace SmartOverhalla.Gateway.Security;

/// <summary>Says at start when no API key is configured, so an API that answers only 401 is not a mystery.</summary>
internal sealed class ApiKeyStartupReport(ApiKeyRing keys, ILogger<ApiKeyStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            Log.NoKeys(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
