namespace SmartOverhalla.EndToEnd.Tests.Conventions;

/// <summary>
/// Log messages that still print a date or time culture-dependently and cannot be fixed here yet. Every entry is a
/// debt: the test fails once an entry is no longer needed (fixed or gone), so the list only shrinks.
/// </summary>
internal static class KnownCultureDependentLogMessages
{
    /// <summary>
    /// gateway/SmartOverhalla.Gateway/Savings/ is being moved to the analytics host (issue 9) by another change: its
    /// <c>{Date}</c>, <c>{Month}</c>, <c>{First}</c> and <c>{Last}</c> print a DateOnly as <c>12/06/2026</c>. Fix when
    /// that lands: <c>{Date:O}</c> etc., and remove these lines.
    /// </summary>
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
    {
        "SmartOverhalla.Gateway.Savings.Log.DayComputed",
        "SmartOverhalla.Gateway.Savings.Log.MonthWritten",
        "SmartOverhalla.Gateway.Savings.Log.NoTelemetry",
        "SmartOverhalla.Gateway.Savings.Log.Computing",
    };
}
