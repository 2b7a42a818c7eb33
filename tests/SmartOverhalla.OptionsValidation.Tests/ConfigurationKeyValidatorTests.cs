using SmartOverhalla.OptionsValidation.Tests.Samples;

namespace SmartOverhalla.OptionsValidation.Tests;

public sealed class ConfigurationKeyValidatorTests
{
    private static IReadOnlyList<string> Failures(ListenerOptions options, string sectionKey = "Listener") =>
        new ConfigurationKeyValidator<ListenerOptions, ListenerOptionsValidator>(sectionKey).Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.Empty(Failures(new ListenerOptions()));

    [Fact]
    public void Validate_ValueOutOfRange_NamesTheKeyAndTheRange()
    {
        var failure = Assert.Single(Failures(new ListenerOptions { Port = 0 }));

        Assert.Equal("Listener:Port: The field Port must be between 1 and 65535.", failure);
    }

    [Fact]
    public void Validate_MissingRequiredValue_NamesTheKey()
    {
        var failure = Assert.Single(Failures(new ListenerOptions { BindAddress = string.Empty }));

        Assert.Equal("Listener:BindAddress: The BindAddress field is required.", failure);
    }

    [Fact]
    public void Validate_NestedSectionInASubsection_NamesTheWholeKey()
    {
        var failures = Failures(new ListenerOptions { Tls = { Port = 70_000, HandshakeTimeout = TimeSpan.Zero } }, "Gateway:Listener");

        Assert.Equal(
            [
                "Gateway:Listener:Tls:Port: The field Port must be between 1 and 65535.",
                "Gateway:Listener:Tls:HandshakeTimeout: The field HandshakeTimeout must be between 00:00:01 and 00:01:00.",
            ],
            failures);
    }

    [Fact]
    public void Validate_OwnRuleOverSeveralMembers_StartsWithItsKeyWithoutTheMemberList()
    {
        var failure = Assert.Single(Failures(new ListenerOptions { Tls = { Enabled = true, Port = 1883 } }));

        Assert.Equal("Listener:Tls:Port: 1883 is the plain listener's port too.", failure);
    }

    [Fact]
    public void Validate_OwnRuleOnASecret_NamesTheKeyNeverTheValue()
    {
        var failure = Assert.Single(Failures(new ListenerOptions { Password = "short-secret" }));

        Assert.Equal("Listener:Password: must be at least 16 characters (the value is not shown).", failure);
        Assert.DoesNotContain("short-secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GeneratedValidatorAlone_NamesTheTypeInsteadOfTheSection()
    {
        // Why the adapter exists: the generated validator knows C# paths, not configuration keys.
        var failure = Assert.Single(new ListenerOptionsValidator().Validate(null, new ListenerOptions { Port = 0 }).Failures!);

        Assert.Equal("Port: The field ListenerOptions.Port must be between 1 and 65535.", failure);
    }
}
