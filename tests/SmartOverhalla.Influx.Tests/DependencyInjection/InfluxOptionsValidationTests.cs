using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.Influx.Tests.Support;

namespace SmartOverhalla.Influx.Tests.DependencyInjection;

public sealed class InfluxOptionsValidationTests
{
    [Fact]
    public void AddInfluxDb_Defaults_AreValidAndDocumented()
    {
        using var provider = InfluxServices.Create(_ => { });

        var options = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:8086/"), options.Url);
        Assert.Equal("smartoverhalla", options.Database);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Null(options.RetentionPolicy);
    }

    [Fact]
    public void AddInfluxDb_ConfigurationSection_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InfluxDb:Url"] = "https://influx.example:8443/",
            ["InfluxDb:Database"] = "telemetry",
            ["InfluxDb:RetentionPolicy"] = "raw",
            ["InfluxDb:RetentionDuration"] = "30.00:00:00",
            ["InfluxDb:Username"] = "ingest",
            ["InfluxDb:Password"] = "pw",
            ["InfluxDb:Timeout"] = "00:00:05",
            ["InfluxDb:CompressWrites"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddInfluxDb(configuration.GetSection(InfluxOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;

        Assert.Equal(new Uri("https://influx.example:8443/"), options.Url);
        Assert.Equal("telemetry", options.Database);
        Assert.Equal("raw", options.RetentionPolicy);
        Assert.Equal(TimeSpan.FromDays(30), options.RetentionDuration);
        Assert.Equal("ingest", options.Username);
        Assert.Equal("pw", options.Password);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.True(options.CompressWrites);
    }

    public static TheoryData<string> InvalidCases =>
    [
        "relative url", "ftp url", "empty database", "token and username", "password without username",
        "timeout too short", "timeout too long", "blank retention policy", "retention under an hour",
        "slash in database", "backslash in retention policy", "newline in database",
    ];

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void AddInfluxDb_InvalidOptions_FailOnFirstUse(string invalidCase)
    {
        Action<InfluxOptions> configure = invalidCase switch
        {
            "relative url" => o => o.Url = new Uri("/influx", UriKind.Relative),
            "ftp url" => o => o.Url = new Uri("ftp://127.0.0.1/"),
            "empty database" => o => o.Database = string.Empty,
            "token and username" => o => { o.Token = "t"; o.Username = "u"; },
            "password without username" => o => o.Password = "p",
            "timeout too short" => o => o.Timeout = TimeSpan.FromMilliseconds(10),
            "timeout too long" => o => o.Timeout = TimeSpan.FromHours(1),
            "blank retention policy" => o => o.RetentionPolicy = " ",
            "retention under an hour" => o => { o.RetentionPolicy = "raw"; o.RetentionDuration = TimeSpan.FromMinutes(30); },
            "slash in database" => o => o.Database = "a/b",
            "backslash in retention policy" => o => o.RetentionPolicy = @"a\b",
            "newline in database" => o => o.Database = "a\nb",
            _ => throw new ArgumentOutOfRangeException(nameof(invalidCase)),
        };
        using var provider = InfluxServices.Create(configure);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);
    }

    [Fact]
    public void AddInfluxDb_RegistersClientServices()
    {
        using var provider = InfluxServices.Create(_ => { });

        Assert.NotNull(provider.GetRequiredService<IInfluxWriter>());
        Assert.NotNull(provider.GetRequiredService<IInfluxQueryClient>());
        Assert.NotNull(provider.GetRequiredService<IInfluxSchemaInitializer>());
    }
}
