namespace SmartOverhalla.Water.Leaks;

/// <summary>
/// The thresholds of the leak and burst rules, as meter makers define them (Kamstrup, Diehl and others: "leak" when there
/// is no flow-free hour in 24 hours; "burst" when the flow stays above a share of the meter's nominal flow Q3 for 30
/// minutes).
/// </summary>
/// <param name="FlowFreeLitresPerHour">An hour with at most this much flow is flow-free (a meter's resolution, and a tap closed).</param>
/// <param name="LeakAfter">How long water must run without a flow-free hour before it is a leak.</param>
/// <param name="NominalFlowLph">The meter's nominal flow Q3 (a household DN15/DN20 meter: 2,500–4,000 L/h).</param>
/// <param name="BurstShare">The share of <paramref name="NominalFlowLph"/> above which flow counts towards a burst.</param>
/// <param name="BurstAfter">How long flow must stay above that for a burst.</param>
public sealed record LeakRules(double FlowFreeLitresPerHour, TimeSpan LeakAfter, double NominalFlowLph, double BurstShare, TimeSpan BurstAfter)
{
    /// <summary>A household meter with Q3 = 2.5 m³/h: leak after 24 h without a flow-free hour (≤ 1 L/h), burst above half of Q3 for 30 minutes.</summary>
    public static LeakRules Household { get; } = new(1, TimeSpan.FromHours(24), 2_500, 0.5, TimeSpan.FromMinutes(30));

    /// <summary>The flow above which an interval counts towards a burst, litres per hour.</summary>
    public double BurstFlowLph => NominalFlowLph * BurstShare;
}
