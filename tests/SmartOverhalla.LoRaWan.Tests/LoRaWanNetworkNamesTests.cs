namespace SmartOverhalla.LoRaWan.Tests;

public sealed class LoRaWanNetworkNamesTests
{
    [Theory]
    [InlineData(LoRaWanNetwork.ChirpStack, "chirpstack")]
    [InlineData(LoRaWanNetwork.TheThingsStack, "tts")]
    public void Of_AndTryParse_RoundTrip(LoRaWanNetwork network, string name)
    {
        Assert.Equal(name, LoRaWanNetworkNames.Of(network));
        Assert.True(LoRaWanNetworkNames.TryParse(name, out var parsed));
        Assert.Equal(network, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TTS")]
    [InlineData("ttn")]
    [InlineData("chirpstack-v4")]
    public void TryParse_OtherName_IsFalse(string? name) => Assert.False(LoRaWanNetworkNames.TryParse(name, out _));
}
