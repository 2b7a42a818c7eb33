namespace SmartOverhalla.Ingestion.Flood;

/// <summary>What the worker does with the messages a flooding device sends over its budget.</summary>
public enum FloodAction
{
    /// <summary>
    /// Store them like any other message (the default): they are valid, idempotent data, and the broker is the
    /// place that throttles or disconnects (the embedded broker does; Mosquitto cannot per client). The flood
    /// is detected, counted and logged once per episode.
    /// </summary>
    Store,

    /// <summary>
    /// Do not store them as device data: each becomes a reject with reason <c>rate-limited</c> (kept with its
    /// payload in <c>ingestion_reject</c> and published to the dead-letter topic), so nothing is lost silently
    /// and the device's series is not flooded.
    /// </summary>
    DeadLetter,
}
