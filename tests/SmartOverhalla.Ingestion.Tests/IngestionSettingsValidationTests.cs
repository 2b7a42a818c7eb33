using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Flood;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>Every section the worker binds, validated as AddIngestion registers it: a failed start names the setting.</summary>
public sealed class IngestionSettingsValidationTests
{
    [Theory]
    [InlineData("Ingestion:BatchSize", "0", "Ingestion:BatchSize: The field BatchSize must be between 1 and 100000.")]
    [InlineData("Ingestion:ClientId", "ingest/#", "Ingestion:ClientId: The field ClientId must match the regular expression '^[A-Za-z0-9_-]{1,64}$'.")]
    [InlineData("Ingestion:ReceiveMaximum", "100", "Ingestion:ReceiveMaximum: 100 must be greater than Ingestion:BatchSize (5000): messages are acknowledged only after their batch is written.")]
    [InlineData("Ingestion:DeadLetterTopic", "smartcity/v1/x", "Ingestion:DeadLetterTopic: 'smartcity/v1/x' must be a plain topic outside the device tree smartcity/v1/.")]
    public void AddIngestion_InvalidIngestionSetting_FailsNamingIt(string key, string value, string failure) =>
        Assert.Equal(failure, Assert.Single(Failures<IngestionOptions>(key, value)));

    [Fact]
    public void AddIngestion_SegmentLargerThanTheSpool_FailsNamingBoth() =>
        Assert.Equal(
            "Ingestion:Spool:SegmentBytes: 4194304 must not exceed Ingestion:Spool:MaxBytes (2097152).",
            Assert.Single(Failures<SpoolOptions>(("Ingestion:Spool:MaxBytes", "2097152"), ("Ingestion:Spool:SegmentBytes", "4194304"))));

    [Fact]
    public void AddIngestion_FloodBurstOutOfRange_FailsNamingIt() =>
        Assert.Equal("Ingestion:Flood:Burst: The field Burst must be between 1 and 1000000.", Assert.Single(Failures<DeviceFloodOptions>("Ingestion:Flood:Burst", "0")));

    [Fact]
    public void AddIngestion_MqttPortOutOfRange_FailsNamingIt() =>
        Assert.Equal("Mqtt:Port: The field Port must be between 1 and 65535.", Assert.Single(Failures<MqttConnectionOptions>("Mqtt:Port", "70000")));

    [Fact]
    public void AddIngestion_MqttSocketBufferBelow64KiB_FailsNamingIt() =>
        Assert.Equal(
            "Mqtt:SocketBufferSize: The field SocketBufferSize must be between 65536 and 67108864.",
            Assert.Single(Failures<MqttConnectionOptions>("Mqtt:SocketBufferSize", "8192")));

    [Fact]
    public void AddIngestion_ValidationDepthOutOfRange_FailsNamingIt() =>
        Assert.Equal("Validation:MaxDepth: The field MaxDepth must be between 2 and 64.", Assert.Single(Failures<ValidationOptions>("Validation:MaxDepth", "1")));

    [Theory]
    [InlineData("Water:Retention:RawReadings", "00:59:59", "Water:Retention:RawReadings: The field RawReadings must be between 01:00:00 and 36524.00:00:00.")]
    [InlineData("Water:Retention:HouseholdConsumption", "36525.00:00:00", "Water:Retention:HouseholdConsumption: The field HouseholdConsumption must be between 01:00:00 and 36524.00:00:00.")]
    public void AddIngestion_WaterRetentionOutOfRange_FailsNamingIt(string key, string value, string failure) =>
        Assert.Equal(failure, Assert.Single(Failures<WaterRetentionOptions>(key, value)));

    [Fact]
    public void AddIngestion_WaterRetentionUnset_PlansBothPoliciesWithTheirDefaultsAndRoutesRawReadings()
    {
        var spool = Directory.CreateTempSubdirectory("so-settings-spool-");
        try
        {
            var (host, _) = TestHost.Build(new Dictionary<string, string?> { ["Ingestion:Spool:Directory"] = spool.FullName }, b => b.AddIngestion());
            using (host)
            {
                var plan = host.Services.GetRequiredService<IOptions<InfluxRetentionPlan>>().Value;
                Assert.Equal(TimeSpan.FromDays(396), plan.Policies["water_raw"]);
                Assert.Equal(TimeSpan.FromDays(1827), plan.Policies["water_household"]);
                Assert.Equal("water_raw", plan.Routes["watermeter"]);
                Assert.Equal(2, plan.Policies.Count);
            }
        }
        finally
        {
            spool.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<string> Failures<TOptions>(string key, string value)
        where TOptions : class => Failures<TOptions>((key, value));

    /// <summary>Reads one section as the worker does at start, without starting it.</summary>
    private static IReadOnlyList<string> Failures<TOptions>(params (string Key, string Value)[] settings)
        where TOptions : class
    {
        // Reading the spool section also checks that its directory can be written: give it one that is deleted after.
        var spool = Directory.CreateTempSubdirectory("so-settings-spool-");
        try
        {
            var values = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
            values["Ingestion:Spool:Directory"] = spool.FullName;
            var (host, _) = TestHost.Build(values, b => b.AddIngestion());
            using (host)
            {
                var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<TOptions>>().Value);
                return error.Failures.ToList();
            }
        }
        finally
        {
            spool.Delete(recursive: true);
        }
    }
}
