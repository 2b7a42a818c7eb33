using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation.Tests.Samples;

namespace SmartOverhalla.OptionsValidation.Tests;

public sealed class ValidatedOptionsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddValidatedOptions_InvalidSetting_StopsTheStartNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Listener:Tls:Port"] = "0" })
            .Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<ListenerOptions, ListenerOptionsValidator>(configuration.GetSection("Gateway:Listener"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("Gateway:Listener:Tls:Port: The field Port must be between 1 and 65535.", Assert.Single(error.Failures));
    }

    [Fact]
    public void AddValidatedOptions_CalledTwice_RegistersOneValidator()
    {
        var services = new ServiceCollection();

        services.AddValidatedOptions<ListenerOptions, ListenerOptionsValidator>("Listener");
        services.AddValidatedOptions<ListenerOptions, ListenerOptionsValidator>("Listener");

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ListenerOptions>));
    }
}
