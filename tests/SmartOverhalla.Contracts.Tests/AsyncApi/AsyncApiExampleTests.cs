using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NJsonSchema;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Tests.Validation;
using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Contracts.Tests.AsyncApi;

/// <summary>
/// Every example in the document passes the validator, and what the C# side writes passes the document's
/// schemas, so the document can be handed to a device vendor as it is.
/// </summary>
public sealed class AsyncApiExampleTests
{
    private static readonly AsyncApiDocument Document = AsyncApiDocument.Load();

    public static TheoryData<string> ChannelNames() => [.. AsyncApiDocument.Keys(Document.Channels)];

    [Theory]
    [MemberData(nameof(ChannelNames))]
    public void Examples_OfEveryChannel_PassTheValidatorAndReadIntoTheRecord(string channelName)
    {
        // Given
        var channel = AsyncApiDocument.Child(Document.Channels, channelName);
        var address = AsyncApiDocument.Text(channel, "address");
        var message = Document.Resolve(AsyncApiDocument.Map(channel, "messages").Children.Values.Single());
        var spec = MessageCatalog.All.Single(s => s.SchemaName == AsyncApiDocument.SchemaNameOf(message));
        var examples = ((YamlSequenceNode)AsyncApiDocument.Child(message, "examples")).Children;
        Assert.NotEmpty(examples);

        foreach (var example in examples)
        {
            var payload = AsyncApiDocument.ToJson(AsyncApiDocument.Child(example, "payload"))!.AsObject();
            Assert.True(Rfc3339UtcConverter.TryParse(payload["ts"]!.GetValue<string>(), out var ts), "example ts must be RFC 3339");
            var clock = new FakeTimeProvider(ts.AddMinutes(1));

            if (address.EndsWith("/cmd", StringComparison.Ordinal))
            {
                // When: commands are not ingested, so the catalogue's field checks are run directly
                var problems = CheckCommand(payload, spec, clock);
                var command = JsonSerializer.Deserialize(payload.ToJsonString(), ContractJsonContext.Default.DeviceCommand);

                // Then
                Assert.Empty(problems);
                Assert.IsType(spec.TypeInfo.Type, command);
            }
            else
            {
                // When: the topic is the channel's address with the example's device in it (or, for an example that
                // leaves deviceId out, the parameter's first example)
                var deviceId = payload["deviceId"]?.GetValue<string>() ?? ParameterExample("deviceId");
                var municipality = ParameterExample("municipality");
                var topic = address.Replace("{municipality}", municipality, StringComparison.Ordinal).Replace("{deviceId}", deviceId, StringComparison.Ordinal);
                var result = new MessageValidator(new ValidationOptions(), clock)
                    .Validate(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload.ToJsonString())));

                // Then
                Assert.True(result.IsValid, $"{channelName} example: {result}");
                Assert.IsType(spec.TypeInfo.Type, result.Message);
                Assert.Equal(ts, result.Message!.Ts);
                Assert.Equal(deviceId, result.Message.DeviceId);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ChannelNames))]
    public async Task Examples_OfEveryChannel_PassTheirOwnJsonSchema(string channelName)
    {
        // Given
        var message = Document.Resolve(AsyncApiDocument.Map(AsyncApiDocument.Child(Document.Channels, channelName), "messages").Children.Values.Single());
        var schema = await LoadSchemaAsync(AsyncApiDocument.SchemaNameOf(message));

        foreach (var example in ((YamlSequenceNode)AsyncApiDocument.Child(message, "examples")).Children)
        {
            // When
            var errors = schema.Validate(AsyncApiDocument.ToJson(AsyncApiDocument.Child(example, "payload"))!.ToJsonString());

            // Then
            Assert.Empty(errors);
        }
    }

    public static TheoryData<string> IngestedSchemaNames() =>
        [.. MessageCatalog.All.Where(s => s != MessageCatalog.SetDimCommand).Select(s => s.SchemaName)];

    [Theory]
    [MemberData(nameof(IngestedSchemaNames))]
    public async Task Records_SerializedByTheContractContext_PassTheDocumentsSchema(string schemaName)
    {
        // Given: a record as the validator returns it, written back as simulators and the gateway write it
        var (topic, payload) = Samples.For(schemaName);
        var record = Samples.Validator().Validate(topic, payload).Message!;
        var spec = MessageCatalog.All.Single(s => s.SchemaName == schemaName);
        var schema = await LoadSchemaAsync(schemaName);

        // When
        var errors = schema.Validate(JsonSerializer.Serialize(record, spec.TypeInfo));

        // Then
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Records_SetDimCommandSerializedAsDeviceCommand_PassesTheDocumentsSchema()
    {
        DeviceCommand command = new SetDimCommand("cmd-1", Samples.Now, 100, "plough-nearby", Samples.Now.AddMinutes(15));
        var schema = await LoadSchemaAsync("SetDimCommand");

        var errors = schema.Validate(JsonSerializer.Serialize(command, ContractJsonContext.Default.DeviceCommand));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("headingDeg", "360")]
    [InlineData("lat", "-91")]
    [InlineData("spreading", "\"gravel\"")]
    [InlineData("ploughDown", "\"yes\"")]
    public async Task DocumentSchema_OutOfContractValue_IsRefusedLikeTheValidatorDoes(string field, string rawValue)
    {
        // Given: proof that the schema check above has teeth
        var json = Samples.WithRaw(Samples.PloughTelemetry(), field, rawValue);
        var schema = await LoadSchemaAsync("PloughTelemetry");

        // When
        var errors = schema.Validate(json);
        var result = Samples.Validator().Validate(Samples.PloughTelemetryTopic, json);

        // Then
        Assert.NotEmpty(errors);
        Assert.Equal(field, Samples.Single(result).Field);
    }

    [Fact]
    public void Examples_IncludeATelemetryMessageWithoutDeviceId()
    {
        // Given: the document shows vendors that the topic alone may name the device
        var payloads = AsyncApiDocument.Keys(Document.Channels)
            .Select(name => Document.Resolve(AsyncApiDocument.Map(AsyncApiDocument.Child(Document.Channels, name), "messages").Children.Values.Single()))
            .Where(message => AsyncApiDocument.SchemaNameOf(message).EndsWith("Telemetry", StringComparison.Ordinal))
            .SelectMany(message => ((YamlSequenceNode)AsyncApiDocument.Child(message, "examples")).Children)
            .Select(example => AsyncApiDocument.ToJson(AsyncApiDocument.Child(example, "payload"))!.AsObject());

        // Then
        Assert.Contains(payloads, payload => !payload.ContainsKey("deviceId"));
    }

    private static string ParameterExample(string parameter) =>
        AsyncApiDocument.Strings(AsyncApiDocument.Child(AsyncApiDocument.Child(Document.Parameters, parameter), "examples"))[0];

    private static Task<JsonSchema> LoadSchemaAsync(string schemaName) =>
        JsonSchema.FromJsonAsync(
            AsyncApiDocument.ToJson(AsyncApiDocument.Child(Document.Schemas, schemaName))!.ToJsonString(),
            TestContext.Current.CancellationToken);

    private static IReadOnlyList<ValidationProblem> CheckCommand(JsonObject payload, MessageSpec spec, TimeProvider clock)
    {
        using var document = JsonDocument.Parse(payload.ToJsonString());
        var problems = default(ProblemList);
        var context = new FieldContext(string.Empty, clock.GetUtcNow(), TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        FieldChecker.CheckObject(document.RootElement, spec.Fields, context, ref problems);
        return problems.ToReadOnly();
    }
}
