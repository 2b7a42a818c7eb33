using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SmartOverhalla.PipelineBench;

/// <summary>What the results file says about the machine: CPU, memory, OS, versions of the servers, and its load.</summary>
internal static class MachineFacts
{
    /// <summary>
    /// The machine's CPU time so far and the part of it stolen by the hypervisor for other guests (<c>/proc/stat</c>,
    /// "steal"): on a shared virtual machine the figures of a run with much steal are the neighbours' as much as ours.
    /// </summary>
    public static (long Total, long Steal) CpuTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum(), fields.Length > 7 ? fields[7] : 0);
    }

    /// <summary>The share of CPU time stolen since <paramref name="before"/> (see <see cref="CpuTicks"/>).</summary>
    public static double StealSince((long Total, long Steal) before)
    {
        var now = CpuTicks();
        var total = now.Total - before.Total;
        return total <= 0 ? 0 : (double)(now.Steal - before.Steal) / total;
    }

    public static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static IEnumerable<string> Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))["MemTotal:".Length..].Trim();
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? "Linux";
        yield return $"CPU: {Environment.ProcessorCount} logical cores, {cpu}; memory {memory}";
        yield return $"OS: {os}, kernel {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}; {RuntimeInformation.FrameworkDescription}";
        yield return $"Mosquitto: {FirstLine("mosquitto", "-h")}; InfluxDB: {FirstLine("influxd", "version")}";
    }

    /// <summary>The first line a program prints (its version), or what went wrong.</summary>
    public static string FirstLine(string program, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(10_000);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "(no output)";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"({program}: {ex.Message})";
        }
    }
}
