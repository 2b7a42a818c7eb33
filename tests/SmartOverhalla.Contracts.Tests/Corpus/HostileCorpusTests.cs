using System.Buffers;
using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Corpus;

/// <summary>Every entry of the hostile corpus is rejected with its reason, and none makes the validator throw.</summary>
public sealed class HostileCorpusTests
{
    private const string Municipality = "overhalla";
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> KnownCodes = typeof(RejectReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, HostileEntry> ByName =
        HostileCorpus.Entries(Municipality, Now).ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. ByName.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Validate_HostileEntry_IsRejectedWithItsReason(string name)
    {
        // Given
        var entry = ByName[name];
        var validator = new MessageValidator(new ValidationOptions(), new FakeTimeProvider(Now));

        // When (an exception here fails the test: the validator promises never to throw)
        var result = validator.Validate(entry.Topic, new ReadOnlySequence<byte>(entry.Payload));

        // Then
        Assert.False(result.IsValid, $"{name} was accepted");
        Assert.Null(result.Message);
        Assert.True(entry.Reason == result.ReasonCode, $"{name}: expected {entry.Reason}, got {result}");
        Assert.All(result.Problems, problem =>
        {
            Assert.Contains(problem.Code, KnownCodes);
            Assert.False(string.IsNullOrWhiteSpace(problem.Field));
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        });
    }

    [Fact]
    public void Corpus_CoversEveryPayloadAndTopicReason_AndHasUniqueNames()
    {
        var entries = HostileCorpus.Entries(Municipality, Now);

        Assert.Equal(entries.Count, ByName.Count);
        Assert.All(entries, e => Assert.Contains(e.Reason, KnownCodes));

        // storage-rejected is the only reason the validator never gives: the worker assigns it after mapping.
        Assert.Equal(
            KnownCodes.Where(c => c != RejectReasons.StorageRejected).Order(StringComparer.Ordinal),
            entries.Select(e => e.Reason).Distinct().Order(StringComparer.Ordinal));
        Assert.True(entries.Count > 400, $"the corpus has only {entries.Count} entries");
    }

    [Fact]
    public void Corpus_ValidLight_IsAcceptedSoEveryMutationOfItTestsOneThing()
    {
        var validator = new MessageValidator(new ValidationOptions(), new FakeTimeProvider(Now));
        var ts = Now.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var result = validator.Validate(HostileCorpus.Topic(Municipality), new ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(HostileCorpus.ValidLight(ts))));

        Assert.True(result.IsValid, result.ToString());
    }
}
