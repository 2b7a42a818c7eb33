using System.Globalization;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// A process's CPU time so far (user + system, <c>/proc/PID/stat</c>) and its peak resident set
/// (<c>VmHWM</c> in <c>/proc/PID/status</c>), read without disturbing it. Linux only.
/// </summary>
internal readonly record struct ProcessSample(TimeSpan Cpu, long PeakRssBytes)
{
    /// <summary>Linux reports CPU time in clock ticks of USER_HZ, 100 per second on every mainstream kernel.</summary>
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        long peakKb = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peakKb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return new ProcessSample(TimeSpan.FromSeconds(ticks / TicksPerSecond), peakKb * 1024);
    }

    /// <summary>The CPU time since <paramref name="earlier"/>, and this sample's peak.</summary>
    public ProcessSample Since(ProcessSample earlier) => new(Cpu - earlier.Cpu, PeakRssBytes);
}
