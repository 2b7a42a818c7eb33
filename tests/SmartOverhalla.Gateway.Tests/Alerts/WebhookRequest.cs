using System.Text.Json;

namespace SmartOverhalla.Gateway.Tests.Alerts;

/// <summary>One POST the receiver got, and what it answered.</summary>
internal sealed record WebhookRequest(int Number, string Token, string? ContentType, string IdempotencyKey, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
