namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>One use of water in a household (a shower, a flush, a tap, a machine filling): a constant flow over a short time.</summary>
internal readonly record struct WaterUse(DateTimeOffset Start, DateTimeOffset End, double RateLph)
{
    public double Litres => RateLph * (End - Start).TotalHours;
}
