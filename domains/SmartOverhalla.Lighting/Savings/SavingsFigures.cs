namespace SmartOverhalla.Lighting.Savings;

/// <summary>
/// Energy and savings of a group of lights (a zone's day, a month, a total), summed as lights' days are added.
/// NOK and CO₂ are summed too rather than recomputed, so a month is exactly the sum of its days even when the price
/// changed in between.
/// </summary>
public sealed record SavingsFigures
{
    public double EnergyKWh { get; init; }

    public double BaselineKWh { get; init; }

    public double SavedKWh { get; init; }

    public double SavedNok { get; init; }

    public double SavedCo2Kg { get; init; }

    /// <summary>Lights counted (a day: lights with readings; a month: the most on any of its days).</summary>
    public long Lights { get; init; }

    /// <summary>Lamp-hours: the lit hours of all its lights added up.</summary>
    public double LitHours { get; init; }

    /// <summary>Hours of its lights' days their readings do not cover, added up.</summary>
    public double UnknownHours { get; init; }

    /// <summary>Figures of one light's day, priced with <paramref name="pricing"/>.</summary>
    public static SavingsFigures Of(LightDayEnergy day, SavingsPricing pricing)
    {
        return new SavingsFigures
        {
            EnergyKWh = day.EnergyKWh,
            BaselineKWh = day.BaselineKWh,
            SavedKWh = day.SavedKWh,
            SavedNok = day.SavedKWh * pricing.PricePerKWhNok,
            SavedCo2Kg = day.SavedKWh * pricing.Co2KgPerKWh,
            Lights = 1,
            LitHours = day.LitHours,
            UnknownHours = day.UnknownHours,
        };
    }

    /// <summary>Figures of one light's computed day (one light).</summary>
    public static SavingsFigures Of(LightSavingsRow light)
    {
        ArgumentNullException.ThrowIfNull(light);
        return new SavingsFigures
        {
            EnergyKWh = light.EnergyKWh,
            BaselineKWh = light.BaselineKWh,
            SavedKWh = light.SavedKWh,
            SavedNok = light.SavedNok,
            SavedCo2Kg = light.SavedCo2Kg,
            Lights = 1,
            LitHours = light.LitHours,
            UnknownHours = light.UnknownHours,
        };
    }

    /// <summary>The sum of two groups' figures: lights are added (the same day of different lights).</summary>
    public SavingsFigures Plus(SavingsFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SavingsFigures
        {
            EnergyKWh = EnergyKWh + other.EnergyKWh,
            BaselineKWh = BaselineKWh + other.BaselineKWh,
            SavedKWh = SavedKWh + other.SavedKWh,
            SavedNok = SavedNok + other.SavedNok,
            SavedCo2Kg = SavedCo2Kg + other.SavedCo2Kg,
            Lights = Lights + other.Lights,
            LitHours = LitHours + other.LitHours,
            UnknownHours = UnknownHours + other.UnknownHours,
        };
    }
}
