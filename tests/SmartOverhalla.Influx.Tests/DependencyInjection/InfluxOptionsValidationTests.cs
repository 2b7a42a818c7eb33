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

    public static TheoryData<string, string> InvalidCases => new()
    {
        { "relative url", "InfluxDb:Url" },
        { "ftp url", "InfluxDb:Url" },
        { "empty database", "InfluxDb:Database" },
        { "token and username", "InfluxDb:Token" },
        { "password without username", "InfluxDb:Password" },
        { "timeout too short", "InfluxDb:Timeout" },
        { "timeout too long", "InfluxDb:Timeout" },
        { "blank retention policy", "InfluxDb:RetentionPolicy" },
        { "retention under an hour", "InfluxDb:RetentionDuration" },
        { "slash in database", "InfluxDb:Database" },
        { "backslash in retention policy", "InfluxDb:RetentionPolicy" },
        { "newline in database", "InfluxDb:Database" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void AddInfluxDb_InvalidOptions_FailOnFirstUseNamingTheSetting(string invalidCase, string key)
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

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);

        Assert.StartsWith(key + ": ", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddInfluxDb_UrlOfAnotherSchemeWithCredentials_FailsWithoutShowingThem()
    {
        using var provider = InfluxServices.Create(o => o.Url = new Uri("ftp://svc:s3cret-pw@influx.example/"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);

        Assert.Equal("InfluxDb:Url: must be an absolute http or https URL, not an 'ftp' URL.", Assert.Single(error.Failures));
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
