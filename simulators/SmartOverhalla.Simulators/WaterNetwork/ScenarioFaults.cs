using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>A leak behind a household meter; <paramref name="Random"/> when drawn with the seed rather than configured.</summary>
internal sealed record ScenarioLeak(ConstantFlow Flow, bool Random);

/// <summary>A burst behind a household meter, repaired at its end.</summary>
internal sealed record ScenarioBurst(ConstantFlow Flow, bool Random);

/// <summary>A household away: no use of water in [<paramref name="Start"/>, <paramref name="End"/>).</summary>
internal sealed record ScenarioHoliday(DateTimeOffset Start, DateTimeOffset End, bool Random);

/// <summary>A leak in a district's pipes.</summary>
internal sealed record ScenarioPipeLeak(ConstantFlow Flow, bool Random);
