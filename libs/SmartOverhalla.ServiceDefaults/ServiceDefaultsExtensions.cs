using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.ServiceDefaults.Secrets;

namespace SmartOverhalla.ServiceDefaults;

/// <summary>What every SmartOverhalla host has: one clock, one log format, health checks, the secrets check.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Registers <see cref="TimeProvider.System"/> (nothing reads the wall clock directly), single-line
    /// UTC console logs, the health-check service that components add their checks to, and the start-up check that
    /// refuses empty or default secrets outside Development (<see cref="SecretSettings"/>).
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            // ISO 8601 UTC. The console formatter formats the timestamp with the machine's culture, where ':' is the
            // culture's time separator ('.' in fi-FI): every separator is quoted, so only the digits are the culture's
            // (its calendar too, which is Gregorian in every culture the platform runs under).
            options.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z '";
        });
        builder.Services.AddHealthChecks();
        builder.Services.AddOptions<SecretsCheckOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretsCheckOptions>, SecretsStartupCheck>());
        builder.Services.Configure<HostOptions>(options =>
        {
            // Give batches in flight time to be written on Ctrl-C / SIGTERM.
            options.ShutdownTimeout = TimeSpan.FromSeconds(15);
            // A crashed background service must stop the host, not leave a zombie process.
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        return builder;
    }
}
