using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Contracts.Tests.Json;

public sealed class Rfc3339UtcConverterTests
{
    [Theory]
    [InlineData("2026-01-15T17:00:00Z", "2026-01-15T17:00:00.0000000+00:00")]
    [InlineData("2026-01-15t17:00:00z", "2026-01-15T17:00:00.0000000+00:00")]
    [InlineData("2026-01-15T18:00:00+01:00", "2026-01-15T17:00:00.0000000+00:00")]
    [InlineData("2026-01-15T12:30:00-04:30", "2026-01-15T17:00:00.0000000+00:00")]
    [InlineData("2026-01-15T17:00:00-00:00", "2026-01-15T17:00:00.0000000+00:00")]
    [InlineData("2026-01-15T17:00:00.5Z", "2026-01-15T17:00:00.5000000+00:00")]
    [InlineData("2026-01-15T17:00:00.123456789Z", "2026-01-15T17:00:00.1234567+00:00")]
    [InlineData("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00.0000000+00:00")]
    [InlineData("2028-02-29T00:00:00Z", "2028-02-29T00:00:00.0000000+00:00")]
    public void TryParse_Rfc3339WithOffset_ReturnsUtc(string text, string expectedRoundTrip)
    {
        // When
        var parsed = Rfc3339UtcConverter.TryParse(text, out var value);

        // Then
        Assert.True(parsed);
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(expectedRoundTrip, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-01-15T17:00:00")]
    [InlineData("2026-01-15T17:00:00.5")]
    [InlineData("2026-01-15")]
    [InlineData("2026-01-15 17:00:00Z")]
    [InlineData("2026-01-15T17:00Z")]
    [InlineData("2026-1-15T17:00:00Z")]
    [InlineData("2026-01-15T17:00:00+0100")]
    [InlineData("2026-01-15T17:00:00+01")]
    [InlineData("2026-01-15T17:00:00 +01:00")]
    [InlineData("2026-01-15T17:00:00.Z")]
    [InlineData("2026-01-15T17:00:00ZZ")]
    [InlineData("2026-13-01T17:00:00Z")]
    [InlineData("2026-02-29T17:00:00Z")]
    [InlineData("2026-01-32T17:00:00Z")]
    [InlineData("2026-01-15T24:00:00Z")]
    [InlineData("2026-01-15T17:60:00Z")]
    [InlineData("2026-12-31T23:59:60Z")]
    [InlineData("2026-01-15T17:00:00+24:00")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("+2026-01-15T17:00:00Z")]
    [InlineData("2026-01-15T17:00:00.00000000000000000000000000000Z")]
    [InlineData("Thu, 15 Jan 2026 17:00:00 GMT")]
    public void TryParse_NotRfc3339WithOffset_Fails(string? text)
    {
        Assert.False(Rfc3339UtcConverter.TryParse(text, out _));
    }
}
