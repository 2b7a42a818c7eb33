using System.Globalization;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Contracts.Tests.Validation;

/// <summary>The device clock (<c>ts</c>) against the platform clock, moved with a FakeTimeProvider.</summary>
public sealed class MessageValidatorTimestampTests
{
    private static string Rfc3339(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);

    private static MessageValidationResult ValidateAt(MessageValidator validator, DateTimeOffset ts)
    {
        var payload = Samples.StreetlightTelemetry();
        payload["ts"] = Rfc3339(ts);
        return validator.Validate(Samples.StreetlightTelemetryTopic, payload);
    }

    [Fact]
    public void Validate_TsAheadByMoreThanSkew_ReportsTimestampInFutureUntilTheClockCatchesUp()
    {
        // Given: a device clock 10 minutes fast, with the default 5 minutes of allowed skew
        var clock = Samples.Clock();
        var validator = Samples.Validator(clock);
        var ts = clock.GetUtcNow().AddMinutes(10);

        // When
        var early = ValidateAt(validator, ts);
        clock.Advance(TimeSpan.FromMinutes(5));
        var onTime = ValidateAt(validator, ts);

        // Then
        Assert.Equal(
            new ValidationProblem("ts", RejectReasons.TimestampInFuture, "ts is more than 5 minutes ahead of the platform clock; check the device clock"),
            Samples.Single(early));
        Assert.True(onTime.IsValid, onTime.ToString());
    }

    [Fact]
    public void Validate_TsExactlyAtTheSkewLimit_IsAcceptedAndOneTickMoreIsNot()
    {
        // Given
        var clock = Samples.Clock();
        var validator = Samples.Validator(clock, new ValidationOptions { MaxFutureSkew = TimeSpan.FromSeconds(30) });
        var limit = clock.GetUtcNow().AddSeconds(30);

        // When / Then
        Assert.True(ValidateAt(validator, limit).IsValid);
        var problem = Samples.Single(ValidateAt(validator, limit.AddTicks(1)));
        Assert.Equal(RejectReasons.TimestampInFuture, problem.Code);
        Assert.Contains("30 seconds", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TsInFutureWrittenWithOffset_IsComparedInUtc()
    {
        // Given: 18:04+01:00 is 17:04Z, four minutes ahead of 17:00Z (inside the skew), although the local digits say 18:04
        var validator = Samples.Validator();
        var payload = Samples.StreetlightTelemetry();
        payload["ts"] = "2026-01-15T18:04:00+01:00";

        // When
        var result = validator.Validate(Samples.StreetlightTelemetryTopic, payload);

        // Then
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_TsOlderThanMaxAge_ReportsTimestampTooOld()
    {
        // Given
        var clock = Samples.Clock();
        var validator = Samples.Validator(clock);
        var maxAge = new ValidationOptions().MaxAge;

        // When
        var atLimit = ValidateAt(validator, clock.GetUtcNow() - maxAge);
        var tooOld = ValidateAt(validator, clock.GetUtcNow() - maxAge - TimeSpan.FromSeconds(1));

        // Then
        Assert.True(atLimit.IsValid, atLimit.ToString());
        Assert.Equal(
            new ValidationProblem("ts", RejectReasons.TimestampTooOld, "ts is more than 400 days older than the platform clock"),
            Samples.Single(tooOld));
    }

    [Fact]
    public void Validate_BackfilledMessage_BecomesTooOldAsTheClockMoves()
    {
        // Given: a device that buffered an hour offline, with a one-day age limit
        var clock = Samples.Clock();
        var validator = Samples.Validator(clock, new ValidationOptions { MaxAge = TimeSpan.FromDays(1) });
        var ts = clock.GetUtcNow().AddHours(-1);

        // When
        var fresh = ValidateAt(validator, ts);
        clock.Advance(TimeSpan.FromDays(1));
        var stale = ValidateAt(validator, ts);

        // Then
        Assert.True(fresh.IsValid, fresh.ToString());
        Assert.Equal("ts is more than 1 day older than the platform clock", Samples.Single(stale).Message);
    }

    [Fact]
    public void Validate_EventAndAckTimestamps_AreCheckedToo()
    {
        // Given
        var clock = Samples.Clock();
        var validator = Samples.Validator(clock);
        var (eventTopic, @event) = Samples.For("PloughEvent");
        var (ackTopic, ack) = Samples.For("CommandAck");
        @event["ts"] = "2030-01-01T00:00:00Z";
        ack["ts"] = "2001-01-01T00:00:00Z";

        // When / Then
        Assert.Equal(RejectReasons.TimestampInFuture, Samples.Single(validator.Validate(eventTopic, @event)).Code);
        Assert.Equal(RejectReasons.TimestampTooOld, Samples.Single(validator.Validate(ackTopic, ack)).Code);
    }
}
