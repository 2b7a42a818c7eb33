using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Storage;
using SmartOverhalla.Influx;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>The water data's retention, in one place for every host that writes or reads water data.</summary>
public static class WaterRetentionServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="WaterRetentionOptions"/> (section <c>Water:Retention</c>) and adds to the InfluxDB
    /// retention plan: <see cref="WaterRetention.RawPolicy"/> kept <see cref="WaterRetentionOptions.RawReadings"/>, with the
    /// raw readings (<c>watermeter</c>) routed into it, and <see cref="WaterRetention.HouseholdPolicy"/> kept
    /// <see cref="WaterRetentionOptions.HouseholdConsumption"/>, with <see cref="WaterConsumptionSeries.MeterMeasurement"/>
    /// routed into it (its writer names the policy too). Schema set-up then creates both at start, and every write of
    /// those measurements without an explicit policy goes into them. Every host that writes or reads water data calls
    /// this, so all of them make the same policies and route the same way.
    /// </summary>
    public static IServiceCollection AddWaterRetention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<WaterRetentionOptions, WaterRetentionOptionsValidator>(configuration.GetSection(WaterRetentionOptions.SectionName));
        services.AddInfluxRetentionPlan().Configure<IOptions<WaterRetentionOptions>>((plan, water) => plan
            .AddPolicy(WaterRetention.RawPolicy, water.Value.RawReadings)
            .AddPolicy(WaterRetention.HouseholdPolicy, water.Value.HouseholdConsumption)
            .Route(DeviceMeasurements.Watermeter, WaterRetention.RawPolicy)
            .Route(WaterConsumptionSeries.MeterMeasurement, WaterRetention.HouseholdPolicy)
            .Route(WaterSuspicionSeries.Measurement, WaterRetention.HouseholdPolicy));
        return services;
    }
}
