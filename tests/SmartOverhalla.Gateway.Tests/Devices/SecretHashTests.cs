using System.Diagnostics;
using SmartOverhalla.Gateway.Devices;

namespace SmartOverhalla.Gateway.Tests.Devices;

public sealed class SecretHashTests
{
    [Fact]
    public void Verify_TheSecretItWasMadeFrom_IsTrue_AndAnyOtherIsFalse()
    {
        var secret = DeviceSecrets.NewSecret();
        var hash = SecretHash.Create(secret, 1000);

        Assert.True(SecretHash.Verify(secret, hash));
        Assert.False(SecretHash.Verify(secret + "x", hash));
        Assert.False(SecretHash.Verify(secret[..^1], hash));
        Assert.False(SecretHash.Verify(string.Empty, hash));
        Assert.False(SecretHash.Verify(null, hash));
    }

    [Fact]
    public void Create_SameSecretTwice_GivesDifferentSaltsAndNeverContainsTheSecret()
    {
        var secret = DeviceSecrets.NewSecret();

        var first = SecretHash.Create(secret, 101);
        var second = SecretHash.Create(secret, 101);

        Assert.NotEqual(first, second);
        Assert.StartsWith("$7$101$", first, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("$7$")]
    [InlineData("$7$abc$c2FsdA==$aGFzaA==")]
    [InlineData("$7$101$not base64$aGFzaA==")]
    [InlineData("$7$101$c2FsdA==$dG9vIHNob3J0")]
    [InlineData("$6$101$c2FsdA==$aGFzaA==")]
    public void Verify_MalformedHash_IsFalseWithoutThrowing(string hash)
    {
        Assert.False(SecretHash.Verify("anything", hash));
        Assert.False(SecretHash.IsWellFormed(hash));
    }

    [Fact]
    public void NewSecret_Is256RandomBitsAsBase64Url()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => DeviceSecrets.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Verify_AcceptsAHashWrittenByMosquittosOwnMosquittoPasswd()
    {
        // The format is Mosquitto's: a hash from the real mosquitto_passwd must check here (the reverse, Mosquitto
        // accepting ours, is shown by the Mosquitto security tests logging devices in).
        var tool = new[] { "/usr/bin/mosquitto_passwd", "/usr/sbin/mosquitto_passwd" }.FirstOrDefault(File.Exists);
        Assert.True(tool is not null, "mosquitto_passwd is not installed (deploy/install.sh installs the mosquitto package)");
        var file = Path.GetTempFileName();
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, ["-b", file, "overhalla/streetlight/l1", "the-secret"]) { RedirectStandardError = true })!;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, process.ExitCode);
            var line = Assert.Single(await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken));
            var hash = line["overhalla/streetlight/l1:".Length..];

            Assert.True(SecretHash.IsWellFormed(hash));
            Assert.True(SecretHash.Verify("the-secret", hash));
            Assert.False(SecretHash.Verify("the-secreT", hash));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
