using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Http;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Water;

/// <summary>Incident notices on the real gateway: four eyes, only approved ones sent, the SMS service's webhook a real local receiver.</summary>
public sealed class NoticeTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const string Text = "Det er brudd på en vannledning i område d01. Vannet kan bli borte en periode. Hilsen Overhalla kommune";

    [Fact]
    public async Task A_notice_is_sent_only_after_someone_else_approved_it_and_reaches_the_SMS_service_with_the_districts_addresses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        await using var water = await WaterGateway.StartAsync(influx.Url, ct, new Dictionary<string, string?>
        {
            ["Water:Notices:WebhookUrl"] = receiver.Url.ToString(),
            ["Water:Notices:WebhookBearerToken"] = "sms-token-for-test",
        });
        await water.ImportMetersAsync(ct);
        using var operatorClient = water.Client(TestApiKeys.Operator);
        using var planner = water.Client(TestApiKeys.Planner);

        // Drafted by the operator for district d01.
        using var drafted = await operatorClient.PostAsJsonAsync("/api/v1/water/notices", new { municipality = water.Municipality, districts = new[] { "d01" }, text = Text, alertId = "water-burst:hh-0001" }, ct);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        using var draft = JsonDocument.Parse(await drafted.Content.ReadAsStringAsync(ct));
        var id = draft.RootElement.GetProperty("id").GetString();
        Assert.Equal("draft", draft.RootElement.GetProperty("state").GetString());

        // Not approved: it cannot be sent. The drafter cannot approve it.
        using var unapproved = await operatorClient.PostAsync($"/api/v1/water/notices/{id}/send", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, unapproved.StatusCode);
        using var ownApproval = await operatorClient.PostAsync($"/api/v1/water/notices/{id}/approve", null, ct);
        Assert.Equal(HttpStatusCode.Forbidden, ownApproval.StatusCode);
        Assert.Empty(receiver.Requests);

        // A planner approves it; approving twice is a conflict; the operator sends it.
        using var approved = await planner.PostAsync($"/api/v1/water/notices/{id}/approve", null, ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await planner.PostAsync($"/api/v1/water/notices/{id}/approve", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsync($"/api/v1/water/notices/{id}/send", null, ct)).StatusCode);
        using var sent = await operatorClient.PostAsync($"/api/v1/water/notices/{id}/send", null, ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var delivered = Assert.Single(receiver.Delivered);
        var body = delivered.Json;
        Assert.Equal(id, body.GetProperty("noticeId").GetString());
        Assert.Equal(Text, body.GetProperty("text").GetString());
        Assert.Equal(["d01"], body.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Sentrumsvegen 12", "Skage; gnr. 3 bnr. 14"], body.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(id, delivered.IdempotencyKey);

        // Sent once: sending again is a conflict, and the notice shows who did what.
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/v1/water/notices/{id}/send", null, ct)).StatusCode);
        using var shown = JsonDocument.Parse(await planner.GetStringAsync($"/api/v1/water/notices/{id}", ct));
        Assert.Equal("sent", shown.RootElement.GetProperty("state").GetString());
        Assert.Equal(TestApiKeys.OperatorName, shown.RootElement.GetProperty("draftedBy").GetString());
        Assert.Equal(TestApiKeys.PlannerName, shown.RootElement.GetProperty("approvedBy").GetString());

        // Every step is in the audit log, by whom, about the notice, never with an address.
        var target = $"notice:{id}";
        Assert.Equal((TestApiKeys.OperatorName, target), Assert.Single(await water.AuditEventuallyAsync("water.notice.draft", 1, ct)) is var d ? (d.Actor, d.Target) : default);
        Assert.Equal((TestApiKeys.PlannerName, target), Assert.Single(await water.AuditEventuallyAsync("water.notice.approve", 1, ct)) is var a ? (a.Actor, a.Target) : default);
        var send = Assert.Single(await water.AuditEventuallyAsync("water.notice.send", 1, ct));
        Assert.Equal((TestApiKeys.OperatorName, target, "districts d01"), send);
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_refused_send_marks_the_notice_failed_and_audited_and_it_can_be_sent_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        receiver.Answer = n => n == 1 ? HttpStatusCode.BadRequest : HttpStatusCode.OK;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct, new Dictionary<string, string?> { ["Water:Notices:WebhookUrl"] = receiver.Url.ToString() });
        await water.ImportMetersAsync(ct);
        using var operatorClient = water.Client(TestApiKeys.Operator);
        using var admin = water.Client(TestApiKeys.Admin);
        using var drafted = await operatorClient.PostAsJsonAsync("/api/v1/water/notices", new { municipality = water.Municipality, districts = new[] { "d02" }, text = Text }, ct);
        var id = JsonDocument.Parse(await drafted.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/water/notices/{id}/approve", null, ct)).StatusCode);

        using var refused = await operatorClient.PostAsync($"/api/v1/water/notices/{id}/send", null, ct);
        using var retried = await operatorClient.PostAsync($"/api/v1/water/notices/{id}/send", null, ct);

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, receiver.Requests.Count); // a 400 is final: not retried by the handler
        Assert.Equal(["Ranemsletta 5"], receiver.Delivered.Single().Json.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        var failure = Assert.Single(await water.AuditEventuallyAsync("water.notice.fail", 1, ct));
        Assert.Equal("127.0.0.1 answered HTTP 400", failure.Details);
        Assert.Contains(water.Factory.Logs.GetSnapshot(), r => r.Id.Id == 8104);
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData("{\"municipality\":\"M\",\"districts\":[\"d01\"],\"text\":\"Hei\"}", "municipality")]
    [InlineData("{\"municipality\":\"{m}\",\"districts\":[],\"text\":\"Hei\"}", "districts")]
    [InlineData("{\"municipality\":\"{m}\",\"districts\":[\"d09\"],\"text\":\"Hei\"}", "districts")]
    [InlineData("{\"municipality\":\"{m}\",\"districts\":[\"d01\"],\"text\":\"  \"}", "text")]
    [InlineData("{\"municipality\":\"{m}\",\"districts\":[\"d01\"],\"text\":\"{long}\"}", "text")]
    [InlineData("{\"municipality\":\"{m}\",\"districts\":[\"d01\"],\"text\":\"Hei\",\"alertId\":\"a b\"}", "alertId")]
    public async Task A_bad_draft_gets_a_400_naming_the_field_and_no_notice(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        await water.ImportMetersAsync(ct);
        using var operatorClient = water.Client(TestApiKeys.Operator);
        using var content = new StringContent(body.Replace("{m}", water.Municipality, StringComparison.Ordinal).Replace("{long}", new string('a', 307), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");

        using var response = await operatorClient.PostAsync("/api/v1/water/notices", content, ct);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/water/notices", ct)).RootElement.GetArrayLength());
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task The_template_offers_a_bokmal_text_for_a_district_within_the_SMS_length()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        await water.ImportMetersAsync(ct);
        using var operatorClient = water.Client(TestApiKeys.Operator);

        using var template = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/water/notices/template?district=d02&kind=leak", ct));
        using var unknown = await operatorClient.GetAsync("/api/v1/water/notices/template?district=d77", ct);

        var text = template.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("Vi har funnet en mulig vannlekkasje i område d02.", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 1, 306);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        water.Factory.AssertNoUnexpectedErrors();
    }
}
