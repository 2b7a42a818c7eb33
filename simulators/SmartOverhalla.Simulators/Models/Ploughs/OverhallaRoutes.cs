namespace SmartOverhalla.Simulators.Models.Ploughs;

/// <summary>
/// Ploughing routes around Overhalla's two centres, Ranemsletta (about 64.49° N, 11.93° E) and
/// Skage (about 64.52° N, 12.05° E). Waypoints follow the shape of the valley roads roughly; they are
/// made up for simulation, not surveyed, and map-matching must tolerate that.
/// </summary>
internal static class OverhallaRoutes
{
    /// <summary>The county road up the Namsen valley from Ranemsletta to Skage.</summary>
    public static readonly PloughRoute RanemslettaSkage = new("Ranemsletta–Skage",
    [
        new(64.4900, 11.9300), new(64.4928, 11.9455), new(64.4961, 11.9610), new(64.4995, 11.9772),
        new(64.5030, 11.9920), new(64.5072, 12.0078), new(64.5118, 12.0226), new(64.5160, 12.0365),
        new(64.5200, 12.0500),
    ]);

    /// <summary>Residential streets of Ranemsletta, driven round.</summary>
    public static readonly PloughRoute RanemslettaCentre = new("Ranemsletta sentrum",
    [
        new(64.4900, 11.9300), new(64.4921, 11.9228), new(64.4905, 11.9135), new(64.4870, 11.9102),
        new(64.4842, 11.9180), new(64.4851, 11.9290), new(64.4878, 11.9341), new(64.4900, 11.9300),
    ]);

    /// <summary>North from Skage towards Øysletta.</summary>
    public static readonly PloughRoute SkageNorth = new("Skage–Øysletta",
    [
        new(64.5200, 12.0500), new(64.5262, 12.0571), new(64.5331, 12.0619), new(64.5405, 12.0683),
        new(64.5478, 12.0730), new(64.5552, 12.0801), new(64.5620, 12.0862),
    ]);

    /// <summary>West from Ranemsletta towards Hunn and Namsos.</summary>
    public static readonly PloughRoute RanemslettaWest = new("Ranemsletta–Hunn",
    [
        new(64.4900, 11.9300), new(64.4889, 11.9040), new(64.4861, 11.8785), new(64.4823, 11.8530),
        new(64.4790, 11.8275), new(64.4752, 11.8010),
    ]);

    public static readonly IReadOnlyList<PloughRoute> All = [RanemslettaSkage, RanemslettaCentre, SkageNorth, RanemslettaWest];
}
