using System.Text.Json;

namespace SmartOverhalla.Testing.Http;

/// <summary>One POST the receiver got, and what it answered.</summary>
public sealed record WebhookRequest(int Number, string Token, string? ContentType, string IdempotencyKey, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
