namespace SmartOverhalla.LoRaWan.Tests;

public sealed class DevEuiTests
{
    [Theory]
    [InlineData("70b3d5e75e000001", "70B3D5E75E000001")]
    [InlineData("70B3D5E75E000001", "70B3D5E75E000001")]
    [InlineData("0016c001FF10a235", "0016C001FF10A235")]
    public void TryNormalize_SixteenHexDigits_IsUpperCase(string text, string expected)
    {
        Assert.True(DevEui.TryNormalize(text, out var devEui));
        Assert.Equal(expected, devEui);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("70b3d5e75e00001")]
    [InlineData("70b3d5e75e0000011")]
    [InlineData("70b3d5e75e00000g")]
    [InlineData("70-b3-d5-e7-5e-00")]
    [InlineData(" 70b3d5e75e00001")]
    [InlineData("７０b3d5e75e000001")]
    public void TryNormalize_NotSixteenAsciiHexDigits_IsFalse(string? text)
    {
        Assert.False(DevEui.TryNormalize(text, out var devEui));
        Assert.Null(devEui);
    }
}
