using System.ComponentModel.DataAnnotations;
using SmartOverhalla.Gateway.Water;

namespace SmartOverhalla.Gateway.Tests.Water;

/// <summary>The SMS service's webhook receives residents' addresses: https, or plain http to this machine only.</summary>
public sealed class NoticeWebhookOptionsTests
{
    [Theory]
    [InlineData("https://sms.example.no/varsel", true)]
    [InlineData("http://127.0.0.1:9000/varsel", true)]
    [InlineData("http://localhost:9000/varsel", true)]
    [InlineData("http://sms.example.no/varsel", false)]
    [InlineData("ftp://sms.example.no/varsel", false)]
    public void The_webhook_must_use_https_unless_it_is_on_this_machine(string url, bool valid)
    {
        var options = new WaterNoticesOptions { WebhookUrl = url };
        var results = new List<ValidationResult>();

        var accepted = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, accepted);
        Assert.All(results, r => Assert.DoesNotContain("sms.example.no", r.ErrorMessage, StringComparison.Ordinal));
        if (!valid)
        {
            Assert.Contains("WebhookUrl", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
        }
    }
}
