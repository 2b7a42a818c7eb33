using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SmartOverhalla.Testing;

namespace SmartOverhalla.EndToEnd.Tests.Conventions;

/// <summary>
/// Log messages print dates and times in ISO 8601 whatever the culture: <c>12/06/2026</c> (what a DateOnly gives
/// without a format; Microsoft.Extensions.Logging formats with the invariant culture, which is US style) reads as
/// 12 June in Norway. The rule, checked over every log message of every product assembly: a DateOnly, DateTime,
/// DateTimeOffset or TimeOnly placeholder carries <c>:O</c> (<c>{Date:O}</c>, <c>{At:O}</c>); a TimeSpan takes no
/// format or <c>:c</c> (both the invariant <c>[d.]hh:mm:ss[.fffffff]</c>), never the culture's <c>g</c>/<c>G</c>.
/// </summary>
public sealed partial class LogMessageDateFormatTests
{
    private static readonly Type[] PointsInTime = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeOnly)];

    /// <summary>Formats that print the same in every culture: round-trip (ISO 8601) for points in time, constant for durations.</summary>
    private static readonly string?[] IsoPointInTimeFormats = ["O", "o"];
    private static readonly string?[] InvariantDurationFormats = [null, "c", "t", "T"];

    /// <summary>Cultures that differ from ISO in every way a date can: order and separators (nb-NO: 06.12.2026), and calendar (ar-SA: Umm al-Qura, year 1448).</summary>
    private static readonly string[] Cultures = ["nb-NO", "ar-SA"];

    [Fact]
    public void ProductAssemblies_EveryProjectOfTheSolution_IsChecked()
    {
        // A product project this test does not reference would escape the rule: reference it from this project.
        var missing = ProductProjectNames().Where(name => !File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll"))).ToList();

        Assert.True(missing.Count == 0, $"Not checked for culture-dependent log dates (add a ProjectReference to tests/SmartOverhalla.EndToEnd.Tests): {string.Join(", ", missing)}");
    }

    [Fact]
    public void LogMessages_DateAndTimePlaceholders_HaveACultureInvariantIsoFormat()
    {
        var checkedParameters = 0;
        var violations = new List<string>();
        var culpritMethods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in ProductLogMessages())
        {
            foreach (var parameter in message.Method.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                var allowed = PointsInTime.Contains(type) ? IsoPointInTimeFormats : type == typeof(TimeSpan) ? InvariantDurationFormats : null;
                if (allowed is null || !message.TryGetFormat(parameter, out var format))
                {
                    continue;
                }

                checkedParameters++;
                if (!allowed.Contains(format))
                {
                    culpritMethods.Add(message.Name);
                    if (!KnownCultureDependentLogMessages.Methods.Contains(message.Name))
                    {
                        violations.Add($"{message.Name}: {{{Capitalised(parameter.Name!)}{(format is null ? string.Empty : ":" + format)}}} prints a {type.Name} culture-dependently; write {Suggestion(parameter, type)}");
                    }
                }
            }
        }

        Assert.True(checkedParameters > 10, $"the scan found the date and time placeholders ({checkedParameters})");
        Assert.True(violations.Count == 0, "Log messages with culture-dependent dates or times:\n" + string.Join("\n", violations));
        var stale = KnownCultureDependentLogMessages.Methods.Except(culpritMethods).ToList();
        Assert.True(stale.Count == 0, $"Fixed or gone, remove from {nameof(KnownCultureDependentLogMessages)}: {string.Join(", ", stale)}");
    }

    [Fact]
    public void LogMessages_InNorwegianAndArabicCultures_PrintDatesAndTimesInIso8601()
    {
        // Every log message with a date or time, called for real with a FakeLogger: the text is what a log shows
        var printed = 0;
        var failures = new List<string>();
        foreach (var message in ProductLogMessages().Where(m => m.Method.IsStatic && !KnownCultureDependentLogMessages.Methods.Contains(m.Name)))
        {
            var parameters = message.Method.GetParameters();
            if (!parameters.Any(p => IsDateOrTime(p.ParameterType)))
            {
                continue;
            }

            foreach (var culture in Cultures)
            {
                var (text, expected) = Print(message.Method, parameters, CultureInfo.GetCultureInfo(culture));
                printed++;
                failures.AddRange(expected.Where(e => !text.Contains(e, StringComparison.Ordinal)).Select(e => $"{message.Name} in {culture}: \"{text}\" lacks \"{e}\""));
            }
        }

        Assert.True(printed > 10, $"the scan printed the log messages with dates and times ({printed})");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void LoggerMessageDefine_ADateWithAndWithoutFormat_OnlyTheFormatGivesIso8601()
    {
        // What the log source generator compiles a message of up to six values into, printing 6 December 2026 in Norway
        var collector = new FakeLogCollector();
        var logger = new FakeLogger(collector);
        var plain = LoggerMessage.Define<DateOnly, DateTimeOffset>(LogLevel.Information, new EventId(1), "On {Date} at {At}");
        var iso = LoggerMessage.Define<DateOnly, DateTimeOffset>(LogLevel.Information, new EventId(2), "On {Date:O} at {At:O}");
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("nb-NO"), CultureInfo.GetCultureInfo("nb-NO"));
            plain(logger, new DateOnly(2026, 12, 6), new DateTimeOffset(2026, 12, 6, 17, 5, 3, TimeSpan.FromHours(1)), null);
            iso(logger, new DateOnly(2026, 12, 6), new DateTimeOffset(2026, 12, 6, 17, 5, 3, TimeSpan.FromHours(1)), null);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }

        // Without a format: the invariant culture's month-first dates, read as 12 June here
        Assert.Equal("On 12/06/2026 at 12/06/2026 17:05:03 +01:00", collector.GetSnapshot()[0].Message);

        // With :O: ISO 8601, the same in every culture
        Assert.Equal("On 2026-12-06 at 2026-12-06T17:05:03.0000000+01:00", collector.GetSnapshot()[1].Message);
    }

    private static (string Text, List<string> Expected) Print(MethodInfo method, ParameterInfo[] parameters, CultureInfo culture)
    {
        var collector = new FakeLogCollector();
        var expected = new List<string>();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Sample(parameters[i].ParameterType, i, collector, expected);
        }

        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
            method.Invoke(null, arguments);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }

        return (collector.LatestRecord.Message, expected);
    }

    /// <summary>An argument for a log method: a distinct date or time (6 December: day and month both ≤ 12, so a swap still looks like a date) whose ISO text the output must hold, or any value.</summary>
    private static object? Sample(Type type, int index, FakeLogCollector collector, List<string> expected)
    {
        var invariant = CultureInfo.InvariantCulture;
        var day = new DateTime(2026, 12, 6, 17, 5, 3, DateTimeKind.Utc).AddDays(index).AddMinutes(index);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(DateOnly))
        {
            expected.Add(day.ToString("yyyy'-'MM'-'dd", invariant));
            return DateOnly.FromDateTime(day);
        }

        if (underlying == typeof(DateTime))
        {
            expected.Add(day.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", invariant));
            return day;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            var at = new DateTimeOffset(day.Ticks, TimeSpan.FromHours(1));
            expected.Add(at.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", invariant));
            return at;
        }

        if (underlying == typeof(TimeOnly))
        {
            expected.Add(day.ToString("HH':'mm':'ss", invariant));
            return TimeOnly.FromDateTime(day);
        }

        if (underlying == typeof(TimeSpan))
        {
            var duration = new TimeSpan(0, 0, 1, 30 + index, 500);
            expected.Add(duration.ToString("c", invariant));
            return duration;
        }

        if (type == typeof(ILogger))
        {
            return new FakeLogger(collector);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ILogger<>))
        {
            return Activator.CreateInstance(typeof(FakeLogger<>).MakeGenericType(type.GetGenericArguments()), collector);
        }

        return type == typeof(LogLevel) ? LogLevel.Warning
            : type == typeof(string) ? "sample"
            : typeof(Exception).IsAssignableFrom(type) ? new InvalidOperationException("sample")
            : type.IsValueType ? Activator.CreateInstance(type)
            : null;
    }

    private static bool IsDateOrTime(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return PointsInTime.Contains(underlying) || underlying == typeof(TimeSpan);
    }

    private static IEnumerable<LogMessageTemplate> ProductLogMessages() =>
        ProductProjectNames()
            .Where(name => File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")))
            .SelectMany(name => LogMessageTemplate.In(Assembly.Load(new AssemblyName(name))));

    /// <summary>The product's projects: every project of SmartOverhalla.sln outside tests/ and bench/.</summary>
    private static List<string> ProductProjectNames()
    {
        var solution = File.ReadAllText(RepositoryRoot.Combine("SmartOverhalla.sln"));
        var names = ProjectLine().Matches(solution)
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .Where(path => !path.StartsWith("tests/", StringComparison.Ordinal) && !path.StartsWith("bench/", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(names);
        return names;
    }

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Suggestion(ParameterInfo parameter, Type type) =>
        type == typeof(TimeSpan) ? $"{{{Capitalised(parameter.Name!)}}} or {{{Capitalised(parameter.Name!)}:c}}" : $"{{{Capitalised(parameter.Name!)}:O}}";

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]+", "(?<path>[^"]+\.csproj)", """, RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
