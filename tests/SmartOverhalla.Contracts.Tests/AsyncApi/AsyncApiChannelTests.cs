using System.Text.RegularExpressions;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Catalog;
using YamlDotNet.RepresentationModel;

namespace SmartOverhalla.Contracts.Tests.AsyncApi;

/// <summary>The document's channels, operations and parameters against the topic tree and the message catalogue.</summary>
public sealed class AsyncApiChannelTests
{
    private static readonly AsyncApiDocument Document = AsyncApiDocument.Load();

    [Fact]
    public void Document_Header_IsAsyncApi3WithJsonContent()
    {
        Assert.Equal("3.0.0", AsyncApiDocument.Text(Document.Root, "asyncapi"));
        Assert.Equal("application/json", AsyncApiDocument.Text(Document.Root, "defaultContentType"));
        Assert.Equal("mqtt", AsyncApiDocument.Text(AsyncApiDocument.Map(Document.Root, "servers").Children.Values.Single(), "protocol"));
    }

    [Fact]
    public void Channels_EveryKindAndMessage_ExistExactlyWhereTheCatalogueHasAMessage()
    {
        // Given: address → schema name of its one message, from the document
        var documented = Document.Channels.Children.Values.ToDictionary(
            channel => AsyncApiDocument.Text(channel, "address"),
            channel => AsyncApiDocument.SchemaNameOf(Document.Resolve(AsyncApiDocument.Map(channel, "messages").Children.Values.Single())));

        // When: the same from the catalogue the validator enforces
        var expected = new Dictionary<string, string>();
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            foreach (var message in Enum.GetValues<MessageType>())
            {
                if (MessageCatalog.Find(kind, message) is { } spec)
                {
                    expected.Add($"{TopicNames.Root}/{{municipality}}/{TopicNames.Of(kind)}/{{deviceId}}/{TopicNames.Of(message)}", spec.SchemaName);
                }
            }
        }

        // Then
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), documented.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(11, documented.Count);
    }

    [Fact]
    public void Channels_Parameters_AreMunicipalityAndDeviceIdFromComponents()
    {
        foreach (var channel in Document.Channels.Children.Values)
        {
            var parameters = AsyncApiDocument.Map(channel, "parameters");
            Assert.Equal(["municipality", "deviceId"], AsyncApiDocument.Keys(parameters));
            Assert.Equal("#/components/parameters/municipality", AsyncApiDocument.Text(AsyncApiDocument.Child(parameters, "municipality"), "$ref"));
            Assert.Equal("#/components/parameters/deviceId", AsyncApiDocument.Text(AsyncApiDocument.Child(parameters, "deviceId"), "$ref"));
        }
    }

    [Fact]
    public void Operations_EveryChannel_HasOneOperationInThePlatformsDirection()
    {
        // Given
        var byChannel = Document.Operations.Children.Values.ToLookup(op => AsyncApiDocument.Text(AsyncApiDocument.Child(op, "channel"), "$ref"));

        foreach (var (key, channel) in Document.Channels.Children)
        {
            // When
            var operation = Assert.Single(byChannel[$"#/channels/{((YamlScalarNode)key).Value}"]);
            var address = AsyncApiDocument.Text(channel, "address");
            var mqtt = AsyncApiDocument.Map(AsyncApiDocument.Child(operation, "bindings"), "mqtt");

            // Then: the platform sends commands and receives everything else, all with QoS 1; status is retained
            var isCommand = address.EndsWith("/cmd", StringComparison.Ordinal);
            Assert.Equal(isCommand ? "send" : "receive", AsyncApiDocument.Text(operation, "action"));
            Assert.Equal("1", AsyncApiDocument.Text(mqtt, "qos"));
            Assert.Equal(address.EndsWith("/status", StringComparison.Ordinal), AsyncApiDocument.TryText(mqtt, "retain") == "true");
            var reference = ((YamlSequenceNode)AsyncApiDocument.Child(operation, "messages")).Children.Single();
            Assert.StartsWith($"#/channels/{((YamlScalarNode)key).Value}/messages/", AsyncApiDocument.Text(reference, "$ref"), StringComparison.Ordinal);
            Assert.NotNull(AsyncApiDocument.TryChild(Document.Resolve(reference), "payload"));
        }
    }

    [Theory]
    [InlineData("sl-0042", true)]
    [InlineData("A", true)]
    [InlineData("7_b-C", true)]
    [InlineData("", false)]
    [InlineData("-a", false)]
    [InlineData("_a", false)]
    [InlineData("a b", false)]
    [InlineData("a,b", false)]
    [InlineData("x=1", false)]
    [InlineData("a/b", false)]
    [InlineData("+", false)]
    [InlineData("#", false)]
    [InlineData("..", false)]
    [InlineData("a\"b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\nb", false)]
    [InlineData("a\n", false)]
    [InlineData("måler", false)]
    public void DeviceIdPattern_OfTheDocument_AgreesWithDeviceTopic(string id, bool valid)
    {
        // Given
        var pattern = AsyncApiDocument.Text(AsyncApiDocument.Child(Document.Parameters, "deviceId"), "x-pattern");

        // When / Then: the document's pattern, the code, and every schema's deviceId pattern say the same
        Assert.Equal(valid, DeviceTopic.IsValidDeviceId(id));
        Assert.Equal(valid, Regex.IsMatch(id, pattern.Replace("$", "\\z", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void DeviceIdPattern_LengthLimit_AgreesWithDeviceTopic()
    {
        var pattern = AsyncApiDocument.Text(AsyncApiDocument.Child(Document.Parameters, "deviceId"), "x-pattern");

        Assert.Matches(pattern, new string('a', DeviceTopic.MaxDeviceIdLength));
        Assert.DoesNotMatch(pattern, new string('a', DeviceTopic.MaxDeviceIdLength + 1));
    }

    [Fact]
    public void DeviceIdPattern_OfEveryPayloadSchema_IsTheParameterPattern()
    {
        var pattern = AsyncApiDocument.Text(AsyncApiDocument.Child(Document.Parameters, "deviceId"), "x-pattern");

        foreach (var schema in Document.Schemas.Children.Values)
        {
            if (AsyncApiDocument.TryChild(AsyncApiDocument.Child(schema, "properties"), "deviceId") is { } deviceId)
            {
                Assert.Equal(pattern, AsyncApiDocument.Text(deviceId, "pattern"));
            }
        }
    }

    [Theory]
    [InlineData("overhalla", true)]
    [InlineData("namsos-2", true)]
    [InlineData("ov", true)]
    [InlineData("o", false)]
    [InlineData("Overhalla", false)]
    [InlineData("2overhalla", false)]
    [InlineData("over halla", false)]
    [InlineData("overhalla\n", false)]
    [InlineData("trøndelag", false)]
    public void MunicipalityPattern_OfTheDocument_AgreesWithDeviceTopic(string slug, bool valid)
    {
        var pattern = AsyncApiDocument.Text(AsyncApiDocument.Child(Document.Parameters, "municipality"), "x-pattern");

        Assert.Equal(valid, DeviceTopic.IsValidMunicipality(slug));
        Assert.Equal(valid, Regex.IsMatch(slug, pattern.Replace("$", "\\z", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(1)));
    }
}
