using System.Text.Json;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.PipelineBench;

/// <summary>Runs the publisher (this program's <c>publish</c> role) as a separate process and reads its result.</summary>
internal static class PublisherProcess
{
    public static async Task<PublisherResult> RunAsync(PublisherSettings settings, string folder, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var log = Path.Combine(folder, $"publisher-{Guid.NewGuid().ToString("N")[..6]}.log");
        using var process = ServerProcess.Start("dotnet", [BenchPaths.BenchDll, .. settings.ToArguments()], log);
        using var timeout = new CancellationTokenSource(deadline, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The publisher did not finish within {deadline}; its log: {log}");
        }

        var line = File.ReadLines(log).LastOrDefault(l => l.StartsWith(PublisherResult.Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The publisher exited with code {process.ExitCode} without a result; its log: {log}");
        var result = JsonSerializer.Deserialize<PublisherResult>(line[PublisherResult.Marker.Length..])!;
        if (result.Failed > 0)
        {
            throw new InvalidOperationException($"{result.Failed} publishes failed; the publisher's log: {log}");
        }

        return result;
    }
}
