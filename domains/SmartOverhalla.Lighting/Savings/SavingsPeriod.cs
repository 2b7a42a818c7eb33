namespace SmartOverhalla.Lighting.Savings;

/// <summary>The period a savings row covers; the value of the <c>period</c> tag (<c>day</c>, <c>month</c>).</summary>
public enum SavingsPeriod
{
    /// <summary>One local day (Europe/Oslo), stamped at its local midnight.</summary>
    Day,

    /// <summary>One calendar month, the sum of its computed days, stamped at local midnight of its first day.</summary>
    Month,
}
