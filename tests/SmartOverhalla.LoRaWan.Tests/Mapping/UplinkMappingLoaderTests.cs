using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.LoRaWan.Tests.Mapping;

/// <summary>The mapping file: the shipped example (deploy/lorawan/uplink-mapping.yaml, copied to Fixtures/) and every check.</summary>
public sealed class UplinkMappingLoaderTests
{
    private static IReadOnlyList<MappingProblem> Problems(string yaml)
    {
        Assert.False(UplinkMappingLoader.TryParse(yaml, out var mapping, out var problems), "the file was accepted");
        Assert.Null(mapping);
        return problems;
    }

    private static MappingProblem SingleProblem(string yaml) => Assert.Single(Problems(yaml));

    [Fact]
    public void Load_ShippedMapping_HasTheFourSimulatorProfiles()
    {
        // Given the shipped example, whose TTS profiles reuse the ChirpStack fields through YAML anchors and aliases
        // When it is loaded
        var mapping = UplinkMappingLoader.Load(Fixture.PathOf("uplink-mapping.yaml"));

        // Then it has the four profiles, each with its match
        Assert.Equal(
            [
                ("so-water-lora", new ProfileMatch(LoRaWanNetwork.ChirpStack, null, "SO-Water-LoRa"), DeviceKind.Watermeter),
                ("so-light-lora", new ProfileMatch(LoRaWanNetwork.ChirpStack, null, "SO-Light-LoRa"), DeviceKind.Streetlight),
                ("so-water-lora-tts", new ProfileMatch(LoRaWanNetwork.TheThingsStack, "overhalla-vann", null), DeviceKind.Watermeter),
                ("so-light-lora-tts", new ProfileMatch(LoRaWanNetwork.TheThingsStack, "overhalla-lys", null), DeviceKind.Streetlight),
            ],
            mapping.Profiles.Select(p => (p.Name, p.Match, p.Kind)));

        // and the aliased field rules are the anchors' rules
        Assert.Equal(mapping.Profiles[0].Fields, mapping.Profiles[2].Fields);
        Assert.Equal(mapping.Profiles[1].Fields, mapping.Profiles[3].Fields);
    }

    [Fact]
    public void Load_ShippedMapping_WaterRulesAreTheDocumentedOnes()
    {
        var water = UplinkMappingLoader.Load(Fixture.PathOf("uplink-mapping.yaml")).Profiles[0];

        // Every water-meter telemetry field is mapped, in contract order, with the example's units
        Assert.Equal(
            ["volumeL", "flowLph", "waterTempC", "batteryPct", "alarms.leak", "alarms.burst", "alarms.backflow", "alarms.dry", "alarms.tamper", "alarms.lowBattery"],
            water.Fields.Select(rule => rule.Target.Path));
        var volume = water.Fields[0];
        Assert.Equal(("volume_m3", 1000.0, 0.0, (string?)null, (string?)null), (volume.From, volume.Scale, volume.Offset, volume.ConstantJson, volume.DefaultJson));
        Assert.Equal(ContractFieldShape.Number, volume.Target.Shape);
        var lowBattery = water.Fields[^1];
        Assert.Equal(("alarms.low_battery", "false"), (lowBattery.From, lowBattery.DefaultJson));
        Assert.Equal(ContractFieldShape.Boolean, lowBattery.Target.Shape);
        Assert.Null(water.TimestampFrom);
        Assert.Null(water.Commands);
    }

    [Fact]
    public void Load_ShippedMapping_LightsTakeDimLevelCommands()
    {
        var profiles = UplinkMappingLoader.Load(Fixture.PathOf("uplink-mapping.yaml")).Profiles;

        Assert.Equal(new CommandProfile(CommandEncoders.DimLevelV1, 10, true), profiles[1].Commands);
        Assert.Equal(new CommandProfile(CommandEncoders.DimLevelV1, 10, true), profiles[3].Commands);
        var energy = profiles[1].Fields.Single(rule => rule.Target.Path == "energyKWh");
        Assert.Equal(("energy_wh", 0.001), (energy.From, energy.Scale));
        Assert.Equal(ContractFieldShape.Integer, profiles[1].Fields.Single(rule => rule.Target.Path == "dimLevel").Target.Shape);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-mapping-{Guid.NewGuid():N}.yaml");

        var exception = Assert.Throws<UplinkMappingException>(() => UplinkMappingLoader.Load(path));

        Assert.Equal(path, Assert.Single(exception.Problems).Where);
        Assert.Contains("cannot be read", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidFile_CommandsDefaultToPort10Confirmed()
    {
        var mapping = UplinkMappingLoader.Parse(MappingYaml.Light(extra: "    commands: { encoder: dim-level-v1 }"));

        Assert.Equal(new CommandProfile(CommandEncoders.DimLevelV1, CommandProfile.DefaultFPort, true), mapping.Profiles[0].Commands);
    }

    [Fact]
    public void Parse_ConstantsAndTimestamp_AreKept()
    {
        // Given a light that does not report power (a constant) and has its own clock
        var fields = MappingYaml.LightFields.Replace("{ from: power_w }", "{ value: 38.5 }", StringComparison.Ordinal);
        var mapping = UplinkMappingLoader.Parse(MappingYaml.Light(fields, "    ts: { from: meter.time }"));

        var profile = mapping.Profiles[0];
        var power = profile.Fields.Single(rule => rule.Target.Path == "powerW");
        Assert.Equal(((string?)null, "38.5"), (power.From, power.ConstantJson));
        Assert.Equal("meter.time", profile.TimestampFrom);
    }

    [Theory]
    [InlineData("")]
    [InlineData("profiles:")]
    [InlineData("profiles: []")]
    [InlineData("# only a comment\n")]
    public void Parse_NoProfiles_IsOneProblem(string yaml)
    {
        var problem = SingleProblem(yaml);

        Assert.Equal("profiles", problem.Where);
        Assert.Contains("at least one profile", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_NamesLineAndKey()
    {
        // Given a typo: 'form' for 'from' on the fourth field line
        var yaml = MappingYaml.Water(MappingYaml.WaterFields.Replace("{ from: temperature }", "{ form: temperature }", StringComparison.Ordinal));

        // When parsed
        var problem = SingleProblem(yaml);

        // Then the problem says where (line and column) and which key
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("form:", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"line {line}, column ", problem.Where, StringComparison.Ordinal);
        Assert.Contains("'form'", problem.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("SmartOverhalla.LoRaWan", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotYaml_IsOneProblemWithALine()
    {
        var problem = SingleProblem("profiles:\n  - name: [unclosed\n");

        Assert.StartsWith("line ", problem.Where, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ network: loriot, deviceProfile: SO-Water-LoRa }", "profiles[0] 'so-water-lora' match.network", "'loriot' must be chirpstack or tts")]
    [InlineData("{ network: ChirpStack, deviceProfile: SO-Water-LoRa }", "profiles[0] 'so-water-lora' match.network", "'ChirpStack' must be chirpstack or tts")]
    [InlineData("{ network: chirpstack }", "profiles[0] 'so-water-lora' match", "needs application, deviceProfile or both")]
    [InlineData("{ network: tts, application: ' ', deviceProfile: '' }", "profiles[0] 'so-water-lora' match", "needs application, deviceProfile or both")]
    public void Parse_BadMatch_NamesProfileAndProblem(string match, string where, string message)
    {
        var problem = SingleProblem(MappingYaml.Water(match: match));

        Assert.Equal(where, problem.Where);
        Assert.Contains(message, problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MatchMissing_IsAProblem()
    {
        var yaml = MappingYaml.Water().Replace("    match: { network: chirpstack, deviceProfile: SO-Water-LoRa }\n", string.Empty, StringComparison.Ordinal);

        var problem = SingleProblem(yaml);

        Assert.Equal("profiles[0] 'so-water-lora'", problem.Where);
        Assert.Contains("match is missing", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKind_ListsTheKinds()
    {
        var yaml = MappingYaml.Water().Replace("kind: watermeter", "kind: gasmeter", StringComparison.Ordinal);

        var problem = SingleProblem(yaml);

        Assert.Equal("profiles[0] 'so-water-lora'", problem.Where);
        Assert.Contains("'gasmeter' must be one of streetlight, watermeter, plough", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FieldNotInContract_ListsTheContractsFields()
    {
        var problem = SingleProblem(MappingYaml.Water(MappingYaml.WaterFields + "\n      pressureBar: { from: pressure }"));

        Assert.Equal("profiles[0] 'so-water-lora' fields.pressureBar", problem.Where);
        Assert.Contains("not a field of watermeter telemetry", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("volumeL", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("alarms.lowBattery", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deviceId")]
    [InlineData("ts")]
    public void Parse_DeviceIdOrTsAsAField_IsNotAMappableField(string field)
    {
        var problem = SingleProblem(MappingYaml.Water(MappingYaml.WaterFields + $"\n      {field}: {{ from: x }}"));

        Assert.Equal($"profiles[0] 'so-water-lora' fields.{field}", problem.Where);
    }

    [Fact]
    public void Parse_RequiredFieldUnmapped_NamesIt()
    {
        // Given a water profile without waterTempC, which the contract requires
        var fields = string.Join('\n', MappingYaml.WaterFields.Split('\n').Where(line => !line.Contains("waterTempC", StringComparison.Ordinal)));

        var problem = SingleProblem(MappingYaml.Water(fields));

        Assert.Equal("profiles[0] 'so-water-lora' fields.waterTempC", problem.Where);
        Assert.Contains("required by the watermeter contract", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryRequiredContractFieldUnmapped_IsOneProblemEach()
    {
        // Given a water profile with no fields at all
        var problems = Problems(MappingYaml.Water("      {}"));

        // Then each required leaf field of the contract is named once
        var required = ContractFields.Of(DeviceKind.Watermeter, MessageType.Telemetry)
            .Where(field => field.Required && !field.IsDeviceId && !field.IsDeviceTime)
            .Select(field => $"profiles[0] 'so-water-lora' fields.{field.Path}");
        Assert.Equal(required, problems.Select(problem => problem.Where));
        Assert.Contains("profiles[0] 'so-water-lora' fields.volumeL", problems.Select(problem => problem.Where));
    }

    public static TheoryData<string, string, string, string> BadRules() => new()
    {
        { "volumeL", "{ from: volume_m3, value: 1 }", "profiles[0] 'so-water-lora' fields.volumeL", "exactly one of 'from:'" },
        { "volumeL", "{ scale: 1000 }", "profiles[0] 'so-water-lora' fields.volumeL", "exactly one of 'from:'" },
        { "alarms.leak", "{ from: alarms.leak, scale: 2 }", "profiles[0] 'so-water-lora' fields.alarms.leak", "scale and offset apply only to a number" },
        { "volumeL", "{ value: 5, offset: 1 }", "profiles[0] 'so-water-lora' fields.volumeL", "scale and offset apply only to a number read with 'from:'" },
        { "volumeL", "{ from: volume_m3, scale: 0 }", "profiles[0] 'so-water-lora' fields.volumeL.scale", "finite number other than 0" },
        { "volumeL", "{ from: volume_m3, scale: .nan }", "profiles[0] 'so-water-lora' fields.volumeL.scale", "finite number other than 0" },
        { "volumeL", "{ from: volume_m3, scale: .inf }", "profiles[0] 'so-water-lora' fields.volumeL.scale", "finite number other than 0" },
        // An infinite or NaN offset makes every reading non-finite: the file must say so at start, not each uplink.
        { "waterTempC", "{ from: temperature, offset: .inf }", "profiles[0] 'so-water-lora' fields.waterTempC.offset", "must be a finite number" },
        { "waterTempC", "{ from: temperature, offset: .nan }", "profiles[0] 'so-water-lora' fields.waterTempC.offset", "must be a finite number" },
        { "alarms.leak", "{ value: false, default: false }", "profiles[0] 'so-water-lora' fields.alarms.leak.default", "applies only with 'from:'" },
        { "batteryPct", "{ value: 150 }", "profiles[0] 'so-water-lora' fields.batteryPct.value", "'150' is not a whole number from 0 to 100" },
        { "batteryPct", "{ value: 97.5 }", "profiles[0] 'so-water-lora' fields.batteryPct.value", "whole number" },
        { "waterTempC", "{ value: -10 }", "profiles[0] 'so-water-lora' fields.waterTempC.value", "from -5 to 60" },
        { "batteryPct", "{ from: battery, default: -1 }", "profiles[0] 'so-water-lora' fields.batteryPct.default", "'-1' is not a whole number" },
        { "alarms.leak", "{ from: alarms.leak, default: maybe }", "profiles[0] 'so-water-lora' fields.alarms.leak.default", "true or false" },
        { "alarms.leak", "{ value: 1 }", "profiles[0] 'so-water-lora' fields.alarms.leak.value", "true or false" },
        { "volumeL", "{ from: 'volume m3' }", "profiles[0] 'so-water-lora' fields.volumeL.from", "not a dotted path" },
        { "volumeL", "{ from: readings..volume }", "profiles[0] 'so-water-lora' fields.volumeL.from", "not a dotted path" },
        { "volumeL", "{ from: .volume }", "profiles[0] 'so-water-lora' fields.volumeL.from", "not a dotted path" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void Parse_BadFieldRule_NamesFieldAndProblem(string field, string rule, string where, string message)
    {
        // Given the valid water profile with one rule replaced
        var fields = string.Join('\n', MappingYaml.WaterFields.Split('\n')
            .Select(line => line.TrimStart().StartsWith(field + ":", StringComparison.Ordinal) ? $"      {field}: {rule}" : line));

        // When parsed
        var problem = SingleProblem(MappingYaml.Water(fields));

        // Then the one problem says where and what
        Assert.Equal(where, problem.Where);
        Assert.Contains(message, problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    ts: { value: '2026-12-07T10:00:00Z' }")]
    [InlineData("    ts: { from: meter_time, scale: 1000 }")]
    [InlineData("    ts: { from: 'meter time' }")]
    [InlineData("    ts: { default: now }")]
    public void Parse_TsOtherThanFrom_IsAProblem(string ts)
    {
        var problem = SingleProblem(MappingYaml.Water(extra: ts));

        Assert.Equal("profiles[0] 'so-water-lora' ts", problem.Where);
        Assert.Contains("takes only 'from:'", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommandsOnAWaterMeter_IsAProblem()
    {
        var problem = SingleProblem(MappingYaml.Water(extra: "    commands: { encoder: dim-level-v1 }"));

        Assert.Equal("profiles[0] 'so-water-lora' commands", problem.Where);
        Assert.Contains("only street lights", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ encoder: dim-level-v2 }", "profiles[0] 'so-light-lora' commands.encoder", "'dim-level-v2' is not a known encoder; known: dim-level-v1")]
    [InlineData("{ fPort: 10 }", "profiles[0] 'so-light-lora' commands.encoder", "is not a known encoder")]
    [InlineData("{ encoder: dim-level-v1, fPort: 0 }", "profiles[0] 'so-light-lora' commands.fPort", "0 must be 1-223")]
    [InlineData("{ encoder: dim-level-v1, fPort: 224 }", "profiles[0] 'so-light-lora' commands.fPort", "224 must be 1-223")]
    [InlineData("{ encoder: dim-level-v1, fPort: -1 }", "profiles[0] 'so-light-lora' commands.fPort", "must be 1-223")]
    public void Parse_BadCommands_NamesTheProblem(string commands, string where, string message)
    {
        var problem = SingleProblem(MappingYaml.Light(extra: $"    commands: {commands}"));

        Assert.Equal(where, problem.Where);
        Assert.Contains(message, problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(223)]
    public void Parse_FPortAtTheEdges_IsAccepted(int fPort)
    {
        var mapping = UplinkMappingLoader.Parse(MappingYaml.Light(extra: $"    commands: {{ encoder: dim-level-v1, fPort: {fPort}, confirmed: false }}"));

        Assert.Equal(new CommandProfile(CommandEncoders.DimLevelV1, fPort, false), mapping.Profiles[0].Commands);
    }

    [Fact]
    public void Parse_DuplicateName_IsAProblem()
    {
        var yaml = MappingYaml.Water() + MappingYaml.AnotherWater("so-water-lora", "{ network: tts, application: overhalla-vann }");

        var problem = SingleProblem(yaml);

        Assert.Equal("profiles[1] 'so-water-lora'", problem.Where);
        Assert.Contains("used by an earlier profile", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameMatchTwice_NamesTheEarlierProfile()
    {
        var yaml = MappingYaml.Water() + MappingYaml.AnotherWater("so-water-lora-v2", "{ network: chirpstack, deviceProfile: SO-Water-LoRa }");

        var problem = SingleProblem(yaml);

        Assert.Equal("profiles[1] 'so-water-lora-v2'", problem.Where);
        Assert.Contains("same as profile 'so-water-lora'", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProfileWithoutName_IsAProblem()
    {
        var yaml = MappingYaml.Water().Replace("- name: so-water-lora\n    ", "- ", StringComparison.Ordinal);

        var problem = SingleProblem(yaml);

        Assert.Equal("profiles[0]", problem.Where);
        Assert.Contains("name is missing", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedInOneException()
    {
        // Given a file with problems in two profiles
        var waterFields = MappingYaml.WaterFields
            .Replace("{ from: battery }", "{ value: 150 }", StringComparison.Ordinal)
            .Replace("{ from: volume_m3, scale: 1000 }", "{ from: volume_m3, scale: 0 }", StringComparison.Ordinal);
        var yaml = MappingYaml.Water(waterFields) + """

              - name: so-light-lora
                match: { network: loriot, application: gatelys }
                kind: streetlight
                fields: { dimLevel: { from: dim }, powerW: { from: power_w }, energyKWh: { from: energy_wh }, lampOn: { from: lamp_on } }
                commands: { encoder: dim-level-v1, fPort: 224 }
            """;

        // When it is parsed
        var exception = Assert.Throws<UplinkMappingException>(() => UplinkMappingLoader.Parse(yaml, "uplink-mapping.yaml"));

        // Then every problem is listed, in file order, and the message names the file and each problem
        Assert.Equal(
            [
                "profiles[0] 'so-water-lora' fields.volumeL.scale",
                "profiles[0] 'so-water-lora' fields.batteryPct.value",
                "profiles[1] 'so-light-lora' match.network",
                "profiles[1] 'so-light-lora' commands.fPort",
            ],
            exception.Problems.Select(problem => problem.Where));
        Assert.StartsWith("The LoRaWAN mapping file uplink-mapping.yaml has 4 problems:", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Problems, problem => Assert.Contains(problem.ToString(), exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateYamlKey_IsAProblem()
    {
        var problem = SingleProblem(MappingYaml.Water(MappingYaml.WaterFields + "\n      volumeL: { from: other }"));

        Assert.StartsWith("line ", problem.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyProfileEntry_IsAProblem()
    {
        var problems = Problems(MappingYaml.Water() + "\n  - ~\n");

        Assert.Equal("profiles[1]", Assert.Single(problems).Where);
        Assert.Contains("is empty", problems[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OneProblem_MessageSaysOneProblem()
    {
        var yaml = MappingYaml.Water().Replace("kind: watermeter", "kind: gasmeter", StringComparison.Ordinal);

        var exception = Assert.Throws<UplinkMappingException>(() => UplinkMappingLoader.Parse(yaml, "/etc/smartoverhalla/uplink-mapping.yaml"));

        Assert.StartsWith("The LoRaWAN mapping file /etc/smartoverhalla/uplink-mapping.yaml has 1 problem:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'gasmeter'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidPloughProfile_IsAccepted()
    {
        // Given a GPS tracker on a plough (the mapping is not limited to the simulators' kinds)
        const string yaml = """
            profiles:
              - name: plough-tracker
                match: { network: tts, application: overhalla-broyting }
                kind: plough
                fields:
                  lat: { from: gps.lat }
                  lon: { from: gps.lon }
                  speedKmh: { from: gps.speed }
                  headingDeg: { from: gps.heading }
                  ploughDown: { from: blade_down }
                  spreading: { value: none }
                  hdop: { from: gps.hdop }
            """;

        // When parsed, the constant for 'spreading' is checked against the contract's allowed values
        var mapping = UplinkMappingLoader.TryParse(yaml, out var parsed, out var problems) ? parsed : null;

        Assert.True(mapping is not null, string.Join("; ", problems));
        Assert.Equal("\"none\"", mapping.Profiles[0].Fields.Single(rule => rule.Target.Path == "spreading").ConstantJson);
    }

    [Fact]
    public void Parse_ConstantNotAnAllowedValue_ListsTheAllowedValues()
    {
        var yaml = """
            profiles:
              - name: plough-tracker
                match: { network: tts, application: overhalla-broyting }
                kind: plough
                fields:
                  lat: { from: gps.lat }
                  lon: { from: gps.lon }
                  speedKmh: { from: gps.speed }
                  headingDeg: { from: gps.heading }
                  ploughDown: { from: blade_down }
                  spreading: { value: gravel }
                  hdop: { from: gps.hdop }
            """;

        var problem = SingleProblem(yaml);

        Assert.Equal("profiles[0] 'plough-tracker' fields.spreading.value", problem.Where);
        Assert.Contains("one of none, salt, sand", problem.Problem, StringComparison.Ordinal);
    }
}
