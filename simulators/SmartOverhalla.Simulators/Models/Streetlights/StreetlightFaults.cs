namespace SmartOverhalla.Simulators.Models.Streetlights;

/// <summary>
/// Faults a simulated street light can be given (issue 3, "Simulated lights obey"), so the platform's
/// alerts and retries can be exercised without real broken hardware. A light may have several.
/// </summary>
[Flags]
internal enum StreetlightFaults
{
    None = 0,

    /// <summary>The lamp does not light: about 0 W and <c>lampOn: false</c> while asked to be on; one <c>lampFailure</c> event.</summary>
    LampFailure = 1,

    /// <summary>The driver ignores dimming: full power at any level above 0; one <c>driverFault</c> event.</summary>
    DriverFault = 2,

    /// <summary>Commands are applied but never acknowledged (a lost uplink, as the platform sees it).</summary>
    NeverAck = 4,

    /// <summary>Acks leave only after a configured delay (a congested mesh radio).</summary>
    SlowAck = 8,
}
