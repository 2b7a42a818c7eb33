using SmartOverhalla.Lighting.Calendar;

namespace SmartOverhalla.Lighting.Planning;

/// <summary>
/// A zone's plan for the night that starts on the evening of <see cref="Date"/>: from solar noon of that date to
/// solar noon of the next, every step of the day type's profile, in time order (which is the profile's order).
/// </summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="Date">The local date the night's evening falls on.</param>
/// <param name="DayType">The day type of <see cref="Date"/>, which chose the profile.</param>
/// <param name="ProfileId">The profile followed.</param>
/// <param name="Starts">Solar noon of <see cref="Date"/> at the zone, UTC: nothing of this night happens earlier.</param>
/// <param name="Ends">Solar noon of the next date, UTC: the next night's plan starts here.</param>
/// <param name="Steps">Every step of the profile, in order; <see cref="PlannedStep.Utc"/> never decreases.</param>
public sealed record NightPlan(
    string ZoneId,
    DateOnly Date,
    DayType DayType,
    string ProfileId,
    DateTimeOffset Starts,
    DateTimeOffset Ends,
    IReadOnlyList<PlannedStep> Steps);
