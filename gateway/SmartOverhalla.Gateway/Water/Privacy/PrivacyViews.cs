using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Water.Privacy;

/// <summary>The address a household meter serves (or served: <see cref="Until"/> set when the meter was retired or moved).</summary>
internal sealed record MeterAddressView(string Municipality, string Meter, string District, string Address, DateTimeOffset Since, DateTimeOffset? Until);

/// <summary>One household meter's consumption in one period; <see cref="Start"/> in local time.</summary>
internal sealed record HouseholdConsumptionView(DateTimeOffset Start, double Litres, double EstimatedL)
{
    public static readonly string[] CsvHeader = ["start", "litres", "estimatedL"];

    public static HouseholdConsumptionView Of(DerivedSeries.Water.MeterConsumptionRow row) =>
        new(TimeZoneInfo.ConvertTime(row.Start, NorwegianTime.Zone), row.Litres, row.EstimatedL);
}

internal sealed record HouseholdHistoryResponse(string Municipality, string Meter, string Period, DateOnly From, DateOnly To, IReadOnlyList<HouseholdConsumptionView> Rows);

/// <summary>A meter that served the address, and when.</summary>
internal sealed record AddressMeterView(string Municipality, string Meter, DateTimeOffset Since, DateTimeOffset? Until);

/// <summary>One look-up of the household's data: when, by whom (API key name), what (the audited action), which meter, and why.</summary>
internal sealed record AccessView(DateTimeOffset At, string Actor, string Action, string Meter, string? Purpose);

/// <summary>"Who has seen this household's data": the meters at the address and every audited look-up of them while they served it.</summary>
internal sealed record AccessLogResponse(string Address, IReadOnlyList<AddressMeterView> Meters, IReadOnlyList<AccessView> Accesses);
