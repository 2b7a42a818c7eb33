using System.Globalization;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>The gateway's start with <c>LoRaWan:MappingFile</c>: a file with a problem stops it, naming the setting and the problem.</summary>
public sealed class LoRaWanHostChecksTests : IDisposable
{
    private readonly TempDirectory _folder = new("so-lorawan-checks-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Given_a_mapping_file_with_an_unknown_kind_when_the_gateway_starts_then_start_fails_naming_the_file_setting_and_the_kind()
    {
        // Given the shipped mapping with its light profile's kind misspelt
        var path = _folder.File("broken-mapping.yaml");
        var shipped = await File.ReadAllTextAsync(NetworkServerJson.MappingFile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, shipped.Replace("kind: streetlight", "kind: lamppost", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await using var gateway = GatewayApplication.Build(Settings(path));

        // When the gateway starts
        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        // Then it refuses, naming the setting, the profile and the kind
        var message = AllMessages(error);
        Assert.Contains("LoRaWan:MappingFile", message, StringComparison.Ordinal);
        Assert.Contains("kind 'lamppost' must be one of streetlight, watermeter, plough", message, StringComparison.Ordinal);
        Assert.Contains("so-light-lora", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_mapping_file_that_does_not_exist_when_the_gateway_starts_then_start_fails_naming_the_setting()
    {
        var path = _folder.File("missing.yaml");
        await using var gateway = GatewayApplication.Build(Settings(path));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("LoRaWan:MappingFile", AllMessages(error), StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(string mappingFile) => new()
    {
        ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
        ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
        ["Lighting:StateFile"] = _folder.File("lighting-state.json"),
        ["Devices:RegistryFile"] = _folder.File("device-registry.json"),
        ["Water:Registry:File"] = _folder.File("water-meters.json"),
        ["Water:Notices:File"] = _folder.File("water-notices.json"),
        ["LoRaWan:MappingFile"] = mappingFile,
    };

    private static string AllMessages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
