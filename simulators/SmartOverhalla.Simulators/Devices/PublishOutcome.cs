namespace SmartOverhalla.Simulators.Devices;

/// <summary>What became of one QoS 1 publish.</summary>
internal enum PublishOutcome
{
    /// <summary>The broker acknowledged it.</summary>
    Acknowledged,

    /// <summary>The broker refused it (a reason code): sending it again would not help, so it is dropped.</summary>
    Refused,

    /// <summary>It did not get through (connection lost): worth sending again after reconnecting.</summary>
    Failed,
}
