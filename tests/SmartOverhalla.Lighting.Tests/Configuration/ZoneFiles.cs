namespace SmartOverhalla.Lighting.Tests.Configuration;

/// <summary>Zone files for the tests, independent of the repository's own file so that operators can edit it.</summary>
internal static class ZoneFiles
{
    /// <summary>
    /// Overhalla at 64.50 N 11.95 E (two zones with different profiles) and Tromsø at 69.65 N 18.96 E, with the
    /// issue's example profile as "standard".
    /// </summary>
    public const string Valid = """
        municipality: overhalla
        zones:
          - id: sentrum
            name: Sentrum
            latitude: 64.50
            longitude: 11.95
            lights:
              devices: [sl-torget-1]
              prefixes: [sl-sentrum-]
            profiles:
              default: standard
              saturday: weekend
              sundayHoliday: quiet
          - id: industri
            name: Industri
            latitude: 64.50
            longitude: 11.95
            lights:
              prefixes: [sl-industri-]
            profiles:
              default: twilight
          - id: tromso
            name: Tromsø (for the polar cases)
            latitude: 69.65
            longitude: 18.96
            lights:
              devices: [sl-tromso-1]
            profiles:
              default: standard
        profiles:
          - id: standard
            description: The issue's example.
            steps:
              - { at: sunset-10m, level: 100 }
              - { at: "23:00", level: 50 }
              - { at: "05:30", level: 100 }
              - { at: sunrise+10m, level: 0 }
          - id: weekend
            steps:
              - { at: sunset-10m, level: 100 }
              - { at: "02:30", level: 50 }
              - { at: sunrise+10m, level: 0 }
          - id: quiet
            steps:
              - { at: sunset-10m, level: 100 }
              - { at: "22:00", level: 50 }
              - { at: sunrise+10m, level: 0 }
          - id: twilight
            steps:
              - { at: civilDusk, level: 100 }
              - { at: "22:00", level: 30 }
              - { at: "06:00", level: 100 }
              - { at: civilDawn, level: 0 }
        """;

    /// <summary>The smallest valid file, for tests that change one thing in it.</summary>
    public static string Minimal(string zoneExtra = "", string stepsExtra = "") => $$"""
        municipality: overhalla
        zones:
          - id: sentrum
            name: Sentrum
            latitude: 64.50
            longitude: 11.95
            lights: { prefixes: [sl-] }
            profiles: { default: standard }
        {{zoneExtra}}
        profiles:
          - id: standard
            steps:
              - { at: sunset, level: 100 }
        {{stepsExtra}}
              - { at: sunrise, level: 0 }
        """;
}
