using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Balance;

namespace SmartOverhalla.Gateway.Water.Planning;

/// <summary>A district's consumption in one period; <see cref="Start"/> in local time (Europe/Oslo offset).</summary>
internal sealed record DistrictConsumptionView(DateTimeOffset Start, string District, double Litres, double EstimatedL, long Meters)
{
    public static readonly string[] CsvHeader = ["start", "district", "litres", "estimatedL", "meters"];

    public static DistrictConsumptionView Of(DistrictConsumptionRow row) =>
        new(TimeZoneInfo.ConvertTime(row.Start, NorwegianTime.Zone), row.District, row.Litres, row.EstimatedL, row.Meters);

    public IReadOnlyList<string> CsvFields(bool withTime) =>
        [withTime ? NorwegianCsv.LocalTime(Start) : NorwegianCsv.Date(DateOnly.FromDateTime(Start.DateTime)), District, NorwegianCsv.Number(Litres), NorwegianCsv.Number(EstimatedL), NorwegianCsv.Number(Meters)];
}

/// <summary>One district's water balance for one local day, with the standard measures of non-revenue water.</summary>
internal sealed record BalanceView(
    DateOnly Date, string District, double InflowL, double ConsumptionL, double LossesL, double? LossesPct, double? LossesPerConnectionL, int Connections, double? MinNightFlowLph)
{
    public static readonly string[] CsvHeader = ["date", "district", "inflowL", "consumptionL", "lossesL", "lossesPct", "lossesPerConnectionL", "connections", "minNightFlowLph"];

    public static BalanceView Of(DistrictDay day) =>
        new(day.Date, day.District, day.InflowL, day.ConsumptionL, day.LossesL, day.LossesPercent, day.LossesPerConnectionL, day.Connections, day.MinimumNightFlowLph);

    public IReadOnlyList<string> CsvFields() =>
        [NorwegianCsv.Date(Date), District, NorwegianCsv.Number(InflowL), NorwegianCsv.Number(ConsumptionL), NorwegianCsv.Number(LossesL),
            NorwegianCsv.Number(LossesPct), NorwegianCsv.Number(LossesPerConnectionL), NorwegianCsv.Number(Connections), NorwegianCsv.Number(MinNightFlowLph)];
}

/// <summary>A leak or burst suspicion of one household meter; times in local time (Europe/Oslo offset).</summary>
internal sealed record LeakView(
    string District, string Meter, string Kind, string Source, DateTimeOffset Since, DateTimeOffset? Until, bool Ongoing, double RateLph, double LitresLost)
{
    public static readonly string[] CsvHeader = ["district", "meter", "kind", "source", "since", "until", "ongoing", "rateLph", "litresLost"];

    public static LeakView Of(SuspicionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var s = row.Suspicion;
        return new LeakView(
            row.District, row.Device, WaterSuspicionSeries.TagOf(s.Kind), WaterSuspicionSeries.TagOf(s.Source),
            TimeZoneInfo.ConvertTime(s.Since, NorwegianTime.Zone), s.Until is { } u ? TimeZoneInfo.ConvertTime(u, NorwegianTime.Zone) : null,
            s.Ongoing, s.RateLph, s.LitresLost);
    }

    public IReadOnlyList<string> CsvFields() =>
        [District, Meter, Kind, Source, NorwegianCsv.LocalTime(Since), NorwegianCsv.LocalTime(Until), Ongoing ? "ja" : "nei", NorwegianCsv.Number(RateLph), NorwegianCsv.Number(LitresLost)];
}

internal sealed record ConsumptionResponse(string Municipality, string Period, DateOnly From, DateOnly To, string? District, IReadOnlyList<DistrictConsumptionView> Rows);

internal sealed record BalanceResponse(string Municipality, DateOnly From, DateOnly To, string? District, IReadOnlyList<BalanceView> Days);

internal sealed record LeaksResponse(string Municipality, DateOnly From, DateOnly To, string? District, bool OngoingOnly, IReadOnlyList<LeakView> Suspicions);
