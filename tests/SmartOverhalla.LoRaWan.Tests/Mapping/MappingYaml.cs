namespace SmartOverhalla.LoRaWan.Tests.Mapping;

/// <summary>Small mapping files for the loader's checks: one valid profile per kind that a test changes in one place.</summary>
internal static class MappingYaml
{
    public const string WaterFields = """
          volumeL:           { from: volume_m3, scale: 1000 }
          flowLph:           { from: flow_m3h, scale: 1000 }
          waterTempC:        { from: temperature }
          batteryPct:        { from: battery }
          alarms.leak:       { from: alarms.leak, default: false }
          alarms.burst:      { from: alarms.burst, default: false }
          alarms.backflow:   { from: alarms.backflow, default: false }
          alarms.dry:        { from: alarms.dry, default: false }
          alarms.tamper:     { from: alarms.tamper, default: false }
          alarms.lowBattery: { from: alarms.low_battery, default: false }
    """;

    public const string LightFields = """
          dimLevel:  { from: dim }
          powerW:    { from: power_w }
          energyKWh: { from: energy_wh, scale: 0.001 }
          lampOn:    { from: lamp_on, default: false }
    """;

    /// <summary>One water profile; <paramref name="fields"/> replaces its field rules, <paramref name="extra"/> is appended to the profile.</summary>
    public static string Water(string fields = WaterFields, string extra = "", string match = "{ network: chirpstack, deviceProfile: SO-Water-LoRa }") => $"""
        profiles:
          - name: so-water-lora
            match: {match}
            kind: watermeter
            fields:
        {fields}
        {extra}
        """;

    public static string Light(string fields = LightFields, string extra = "") => $"""
        profiles:
          - name: so-light-lora
            match: {"{"} network: chirpstack, deviceProfile: SO-Light-LoRa {"}"}
            kind: streetlight
            fields:
        {fields}
        {extra}
        """;

    /// <summary>A further water profile, to append to <see cref="Water"/>.</summary>
    public static string AnotherWater(string name, string match) =>
        $"\n  - name: {name}\n    match: {match}\n    kind: watermeter\n    fields:\n{WaterFields}\n";
}
