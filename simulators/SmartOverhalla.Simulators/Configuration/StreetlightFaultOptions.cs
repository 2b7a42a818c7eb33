using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Simulators.Configuration;

/// <summary>
/// Fault injection for street lights (section <c>Simulators:StreetlightFaults</c>), so the platform's
/// alerts, retries and "unresponsive" handling can be exercised (issue 3, "Simulated lights obey").
/// Each fault selects its own lights; a light may have several.
/// </summary>
public sealed class StreetlightFaultOptions
{
    /// <summary>A congested mesh radio: long enough that a gateway's first ack timeout runs out.</summary>
    public static readonly TimeSpan DefaultSlowAckDelay = TimeSpan.FromSeconds(30);

    /// <summary>The lamp does not light: about 0 W and <c>lampOn: false</c> while asked to be on, one <c>lampFailure</c> event.</summary>
    [ValidateObjectMembers]
    public FaultSelection LampFailure { get; set; } = new();

    /// <summary>The driver ignores dimming (full power at 30 %), one <c>driverFault</c> event.</summary>
    [ValidateObjectMembers]
    public FaultSelection DriverFault { get; set; } = new();

    /// <summary>Commands are applied but never acknowledged.</summary>
    [ValidateObjectMembers]
    public FaultSelection NeverAck { get; set; } = new();

    /// <summary>Acks are sent <see cref="SlowAckDelay"/> after the command was handled.</summary>
    [ValidateObjectMembers]
    public FaultSelection SlowAck { get; set; } = new();

    /// <summary>How late a slow-acking light acks, by the simulator's clock.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SlowAckDelay { get; set; } = DefaultSlowAckDelay;

    /// <summary>The selections with the names used in settings and messages.</summary>
    public IReadOnlyList<(string Name, FaultSelection Selection)> GetSelections() =>
    [
        (nameof(LampFailure), LampFailure),
        (nameof(DriverFault), DriverFault),
        (nameof(NeverAck), NeverAck),
        (nameof(SlowAck), SlowAck),
    ];
}
