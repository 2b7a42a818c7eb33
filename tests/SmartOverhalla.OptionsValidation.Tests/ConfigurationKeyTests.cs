using System.ComponentModel.DataAnnotations;
using SmartOverhalla.OptionsValidation.Tests.Samples;

namespace SmartOverhalla.OptionsValidation.Tests;

public sealed class ConfigurationKeyTests
{
    [Theory]
    [InlineData("Broker.Embedded.Port", "Broker:Embedded:Port")]
    [InlineData("Ingestion:Spool.Directory", "Ingestion:Spool:Directory")]
    [InlineData("ApiKeys.Keys[2].Hash", "ApiKeys:Keys:2:Hash")]
    public void FromPath_GeneratedMemberPath_IsTheConfigurationKey(string path, string key) =>
        Assert.Equal(key, ConfigurationKey.FromPath(path));

    [Fact]
    public void Of_ContextOfTheGeneratedValidator_StartsWithTheObjectsKey() =>
        Assert.Equal("Broker:Embedded:Tls:Port", ConfigurationKey.Of(new ValidationContext(new ListenerOptions(), "Broker.Embedded.Validate", null, null), "Tls", "Port"));

    [Fact]
    public void Of_ReflectionContext_StartsWithTheTypeName() =>
        Assert.Equal("ListenerOptions:Port", ConfigurationKey.Of(new ValidationContext(new ListenerOptions()), "Port"));
}
