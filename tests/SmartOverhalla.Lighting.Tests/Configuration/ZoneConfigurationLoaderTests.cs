using SmartOverhalla.Lighting.Astronomy;
using SmartOverhalla.Lighting.Calendar;
using SmartOverhalla.Lighting.Configuration;

namespace SmartOverhalla.Lighting.Tests.Configuration;

public sealed class ZoneConfigurationLoaderTests
{
    [Fact]
    public void Parse_ValidFile_BuildsZonesWithResolvedProfiles()
    {
        // Given / When
        var configuration = ZoneConfigurationLoader.Parse(ZoneFiles.Valid);

        // Then
        Assert.Equal("overhalla", configuration.Municipality);
        Assert.Equal(["sentrum", "industri", "tromso"], configuration.Zones.Select(zone => zone.Id));
        var sentrum = configuration.FindZone("sentrum")!;
        Assert.Equal(new GeoCoordinate(64.50, 11.95), sentrum.Location);
        Assert.Equal("standard", sentrum.Profiles.For(DayType.Weekday).Id);
        Assert.Equal("weekend", sentrum.Profiles.For(DayType.Saturday).Id);
        Assert.Equal("quiet", sentrum.Profiles.For(DayType.SundayOrHoliday).Id);
        Assert.Equal(
            [new DimmingStep(new StepTrigger.Solar(SolarEventKind.Sunset, TimeSpan.FromMinutes(-10)), 100),
             new DimmingStep(new StepTrigger.Clock(new TimeOnly(23, 0)), 50),
             new DimmingStep(new StepTrigger.Clock(new TimeOnly(5, 30)), 100),
             new DimmingStep(new StepTrigger.Solar(SolarEventKind.Sunrise, TimeSpan.FromMinutes(10)), 0)],
            sentrum.Profiles.Weekday.Steps);
    }

    [Theory]
    [InlineData("sl-torget-1", "sentrum")]
    [InlineData("sl-sentrum-0042", "sentrum")]
    [InlineData("sl-industri-7", "industri")]
    [InlineData("sl-tromso-1", "tromso")]
    [InlineData("sl-tromso-2", null)]
    [InlineData("SL-SENTRUM-1", null)]
    public void ZoneOf_DeviceId_FindsTheOneZoneThatClaimsIt(string deviceId, string? expectedZone)
    {
        // Given
        var configuration = ZoneConfigurationLoader.Parse(ZoneFiles.Valid);

        // When
        var zone = configuration.ZoneOf(deviceId);

        // Then
        Assert.Equal(expectedZone, zone?.Id);
    }

    [Fact]
    public void Load_RepositoryZoneFile_IsValid()
    {
        // Given domains/SmartOverhalla.Lighting/lighting-zones.yaml, copied beside the tests
        var path = Path.Combine(AppContext.BaseDirectory, "lighting-zones.yaml");

        // When
        var configuration = ZoneConfigurationLoader.Load(path);

        // Then every simulated street light (sim-light-0001 … 0200) has a zone
        Assert.Equal("overhalla", configuration.Municipality);
        Assert.All(Enumerable.Range(1, 200), number => Assert.NotNull(configuration.ZoneOf($"sim-light-{number:D4}")));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        // Given
        var path = Path.Combine(Path.GetTempPath(), $"no-such-zones-{Guid.NewGuid():N}.yaml");

        // When
        var exception = Assert.Throws<ZoneConfigurationException>(() => ZoneConfigurationLoader.Load(path));

        // Then
        var problem = Assert.Single(exception.Problems);
        Assert.Equal(path, problem.Where);
        Assert.Contains("cannot be read", problem.Problem, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneNamingZoneProfileAndStep()
    {
        // Given a file with one of each problem class
        const string yaml = """
            municipality: Overhalla
            zones:
              - id: sentrum
                name: Sentrum
                latitude: 95
                longitude: 11.95
                lights: { prefixes: [sl-sentrum-] }
                profiles: { default: standrad }
              - id: sentrum
                name: Sentrum igjen
                latitude: 64.5
                longitude: east
                lights: { devices: [sl-sentrum-7] }
                profiles: { default: standard }
              - id: tomt
                latitude: 64.5
                longitude: 200
                profiles: { weekdays: standard }
            profiles:
              - id: standard
                steps:
                  - { at: sunset-10m, level: 140 }
                  - { at: "25:00", level: 50 }
                  - { at: sunset-10x, level: 50 }
                  - { at: "05:30", level: 100 }
                  - { at: "04:00", level: 100 }
                  - { at: sundown, level: 0 }
                  - { at: sunrise+5h, level: 0 }
                  - { at: sunrise, level: half }
              - id: empty
                steps: []
              - id: empty
            """;

        // When
        var exception = Assert.Throws<ZoneConfigurationException>(() => ZoneConfigurationLoader.Parse(yaml, "zones.yaml"));

        // Then
        string[] expected =
        [
            "municipality: 'Overhalla' must be 2–40 lower-case letters, digits or '-', starting with a letter",
            "profile 'standard' step 1 (at: sunset-10m): level 140 is outside 0–100",
            "profile 'standard' step 2 (at: 25:00): '25:00' is not a time of day: use HH:mm from 00:00 to 23:59",
            "profile 'standard' step 3 (at: sunset-10x): offset '10x' in 'sunset-10x' is not a duration: write e.g. 10m, 1h or 1h30m",
            "profile 'standard' step 5 (at: 04:00): is listed after step 4 (05:30) but comes before it in the night (12:00 → 11:59): list steps in the order they happen",
            "profile 'standard' step 6 (at: sundown): 'sundown' is neither a clock time (HH:mm) nor an event (sunrise, sunset, civilDawn, civilDusk) with an optional offset such as sunset-10m",
            "profile 'standard' step 7 (at: sunrise+5h): offset 5h in 'sunrise+5h' is larger than 4 h: use a clock step for that",
            "profile 'standard' step 8 (at: sunrise): level 'half' is not a whole number from 0 to 100",
            "profile 'empty': has no steps",
            "profile 'empty': id is defined twice (profiles #2 and #3)",
            "profile 'empty': has no steps",
            "zone 'sentrum': latitude 95 is out of range (-90 to 90 degrees)",
            "zone 'sentrum': profiles.default names unknown profile 'standrad'",
            "zone 'sentrum': id is defined twice (zones #1 and #2)",
            "zone 'sentrum': longitude 'east' is not a number (decimal degrees, e.g. 64.50)",
            "zone 'sentrum': profiles.default uses profile 'standard', which has problems (see above)",
            "zone 'tomt': name is missing",
            "zone 'tomt': longitude 200 is out of range (-180 to 180 degrees)",
            "zone 'tomt': has no lights: list 'devices' and/or 'prefixes' under 'lights'",
            "zone 'tomt': profiles has an unknown day type 'weekdays': use default, weekday, saturday or sundayHoliday",
            "zone 'tomt': has no profile for weekday: give 'weekday' or 'default'",
            "zone 'tomt': has no profile for saturday: give 'saturday' or 'default'",
            "zone 'tomt': has no profile for sundayHoliday: give 'sundayHoliday' or 'default'",
            "zone 'sentrum': device 'sl-sentrum-7' also matches prefix 'sl-sentrum-' of zone 'sentrum': a light belongs to one zone",
        ];
        Assert.Equal(expected, exception.Problems.Select(problem => problem.ToString()));
        Assert.StartsWith("The lighting zone file zones.yaml has 24 problems:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("  - zone 'tomt': name is missing", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""
          - id: industri
            name: Industri
            latitude: 64.5
            longitude: 12
            lights: { prefixes: [sl-ind] }
            profiles: { default: standard }
        """, "zone 'industri': prefix 'sl-ind' overlaps prefix 'sl-' of zone 'sentrum': the same lights would be in both zones")]
    [InlineData("""
          - id: industri
            name: Industri
            latitude: 64.5
            longitude: 12
            lights: { devices: [sl-7] }
            profiles: { default: standard }
        """, "zone 'industri': device 'sl-7' also matches prefix 'sl-' of zone 'sentrum': a light belongs to one zone")]
    [InlineData("""
          - id: industri
            name: Industri
            latitude: 64.5
            longitude: 12
            lights: { devices: [x-7, x-7] }
            profiles: { default: standard }
        """, "zone 'industri': device id 'x-7' is listed twice")]
    [InlineData("""
          - id: industri
            name: Industri
            latitude: 64.5
            longitude: 12
            lights: { devices: ["bad id"] }
            profiles: { default: standard }
        """, "zone 'industri': device id 'bad id' is not valid: 1–64 ASCII letters, digits, '-' or '_', starting with a letter or digit")]
    [InlineData("""
          - id: Industri_1
            name: Industri
            latitude: 64.5
            longitude: 12
            lights: { devices: [x-7] }
            profiles: { default: standard }
        """, "zone 'Industri_1': id must be 2–40 lower-case letters, digits or '-', starting with a letter")]
    public void Parse_SecondZoneWithOneProblem_ReportsIt(string zone, string expected)
    {
        // Given the minimal valid file with a second zone
        var yaml = ZoneFiles.Minimal(zoneExtra: zone);

        // When
        var exception = Assert.Throws<ZoneConfigurationException>(() => ZoneConfigurationLoader.Parse(yaml));

        // Then
        Assert.Equal(expected, Assert.Single(exception.Problems).ToString());
    }

    [Fact]
    public void Parse_TwoStepsAtTheSameClockTime_ReportsTheDuplicate()
    {
        // Given
        var yaml = ZoneFiles.Minimal(stepsExtra: """
                  - { at: "23:00", level: 50 }
                  - { at: "23:00", level: 40 }
            """);

        // When
        var exception = Assert.Throws<ZoneConfigurationException>(() => ZoneConfigurationLoader.Parse(yaml));

        // Then
        Assert.Equal(
            ["profile 'standard' step 3 (at: 23:00): has the same time as step 2: keep one of them",
             "zone 'sentrum': profiles.default uses profile 'standard', which has problems (see above)"],
            exception.Problems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void Parse_MisspeltKey_ReportsLineAndKey()
    {
        // Given a step with 'levle' for 'level'
        var yaml = ZoneFiles.Minimal(stepsExtra: """
                  - { at: "23:00", levle: 50 }
            """);

        // When
        var exception = Assert.Throws<ZoneConfigurationException>(() => ZoneConfigurationLoader.Parse(yaml));

        // Then
        var problem = Assert.Single(exception.Problems);
        Assert.Equal("line 14, column 24", problem.Where);
        Assert.Contains("levle", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "file: is empty")]
    [InlineData("municipality: overhalla", "profiles: the file defines no profiles")]
    [InlineData("zones: [", "line 2, column 1")]
    public void Parse_EmptyOrBrokenFile_ReportsIt(string yaml, string expectedStart)
    {
        // Given / When
        var exception = Assert.Throws<ZoneConfigurationException>(() => ZoneConfigurationLoader.Parse(yaml));

        // Then
        Assert.StartsWith(expectedStart, exception.Problems[0].ToString(), StringComparison.Ordinal);
    }
}
