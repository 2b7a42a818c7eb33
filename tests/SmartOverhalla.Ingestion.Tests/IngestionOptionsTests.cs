using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class IngestionOptionsTests
{
    private static List<ValidationResult> Validate(IngestionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(Validate(new IngestionOptions()));

    [Fact]
    public void Validate_ReceiveMaximumNotAboveBatchSize_IsRefusedNamingBoth()
    {
        var results = Validate(new IngestionOptions { BatchSize = 5000, ReceiveMaximum = 5000 });

        var result = Assert.Single(results);
        Assert.Contains(nameof(IngestionOptions.ReceiveMaximum), result.MemberNames);
        Assert.Contains(nameof(IngestionOptions.BatchSize), result.MemberNames);
    }

    [Theory]
    [InlineData("smartcity/v1/deadletter")]
    [InlineData("platform/v1/#")]
    [InlineData("platform/+/deadletter")]
    public void Validate_DeadLetterTopicInsideDeviceTreeOrWithWildcards_IsRefused(string topic)
    {
        var result = Assert.Single(Validate(new IngestionOptions { DeadLetterTopic = topic }));

        Assert.Contains(nameof(IngestionOptions.DeadLetterTopic), result.MemberNames);
    }

    [Fact]
    public void Validate_ClientIdWithTopicCharacters_IsRefused()
    {
        var result = Assert.Single(Validate(new IngestionOptions { ClientId = "ingest/#" }));

        Assert.Contains(nameof(IngestionOptions.ClientId), result.MemberNames);
    }
}
