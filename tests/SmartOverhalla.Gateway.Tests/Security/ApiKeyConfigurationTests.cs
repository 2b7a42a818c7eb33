using System.Globalization;
using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Security;

public sealed class ApiKeyConfigurationTests
{
    private static readonly string Hash = ApiKeyRing.HashOf("a-key-for-these-tests-only");

    [Theory]
    [InlineData("ApiKeys:Keys:drift:Hash", "not-hex", "ApiKeys:Keys:drift:Hash")]
    [InlineData("ApiKeys:Keys:drift:Roles", "operator,janitor", "unknown role 'janitor'")]
    [InlineData("ApiKeys:Keys:drift:Roles", " , ", "ApiKeys:Keys:drift:Roles")]
    [InlineData("ApiKeys:Keys:bad name!:Roles", "admin", "key name")]
    public async Task An_invalid_key_setting_stops_the_start_naming_it_and_never_echoing_a_hash(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
            ["ApiKeys:Keys:drift:Hash"] = Hash,
            ["ApiKeys:Keys:drift:Roles"] = "operator",
            [key] = value,
        };
        if (key.StartsWith("ApiKeys:Keys:bad name!", StringComparison.Ordinal))
        {
            settings["ApiKeys:Keys:bad name!:Hash"] = ApiKeyRing.HashOf("another-key");
        }

        await using var gateway = GatewayApplication.Build(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Hash, error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_TheSameKeyUnderTwoNames_IsRefused()
    {
        var options = new ApiKeyOptions();
        options.Keys["a"] = new ApiKeyEntry { Hash = Hash, Roles = "operator" };
        options.Keys["b"] = new ApiKeyEntry { Hash = Hash.ToUpperInvariant(), Roles = "planner" };

        var result = new ApiKeyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("another name", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_MatchesOnlyTheConfiguredKey_AndCarriesItsNameAndRoles()
    {
        var key = ApiKeyRing.NewKey();
        var options = new ApiKeyOptions();
        options.Keys["drift-kari"] = new ApiKeyEntry { Hash = ApiKeyRing.HashOf(key), Roles = "operator, planner" };
        options.Keys["planlegger"] = new ApiKeyEntry { Hash = Hash, Roles = "planner" };
        var ring = new ApiKeyRing(Options.Create(options));

        var found = ring.Find(key);

        Assert.Equal("drift-kari", found?.Name);
        Assert.Equal(["operator", "planner"], found!.Roles);
        Assert.Null(ring.Find(key[..^1]));
        Assert.Null(ring.Find(key + "x"));
        Assert.Null(ring.Find(new string('k', ApiKeyRing.MaxKeyLength + 1)));
        Assert.Null(ring.Find(string.Empty));
        Assert.Equal(43, key.Length);
    }
}
