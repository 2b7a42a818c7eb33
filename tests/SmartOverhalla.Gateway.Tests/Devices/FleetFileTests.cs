using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Devices;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Tests.Devices;

public sealed class FleetFileTests
{
    [Fact]
    public void Parse_ValidLinesWithCommentsAndRoles_GivesTheDevices()
    {
        var devices = FleetFile.Parse(
            ["# kind,deviceId,municipality", "", "streetlight,sim-light-0001,overhalla", " watermeter , w-17 , overhalla , district-inflow "],
            "fleet.csv");

        Assert.Equal(2, devices.Count);
        Assert.Equal(new FleetEntry(new DeviceKey(DeviceKind.Streetlight, "sim-light-0001"), "overhalla", null, null, "fleet.csv:3"), devices[0]);
        Assert.Equal(new FleetEntry(new DeviceKey(DeviceKind.Watermeter, "w-17"), "overhalla", "district-inflow", null, "fleet.csv:4"), devices[1]);
    }

    [Fact]
    public void Parse_FifthColumn_GivesTheDevEuiUpperCaseWithOrWithoutARole()
    {
        var devices = FleetFile.Parse(
            ["watermeter,wm-0001,overhalla,,70b3d5e75e000001", "watermeter,wm-0002,overhalla,district-inflow, 70B3D5E75E000002 ", "streetlight,l-1,overhalla,,"],
            "fleet.csv");

        Assert.Equal(new FleetEntry(new DeviceKey(DeviceKind.Watermeter, "wm-0001"), "overhalla", null, "70B3D5E75E000001", "fleet.csv:1"), devices[0]);
        Assert.Equal(new FleetEntry(new DeviceKey(DeviceKind.Watermeter, "wm-0002"), "overhalla", "district-inflow", "70B3D5E75E000002", "fleet.csv:2"), devices[1]);
        Assert.Null(devices[2].DevEui);
    }

    [Theory]
    [InlineData("watermeter,wm-1,overhalla,,70B3D5E75E00000", "fleet.csv:2: devEui")]
    [InlineData("watermeter,wm-1,overhalla,,70B3D5E75E0000011", "fleet.csv:2: devEui")]
    [InlineData("watermeter,wm-1,overhalla,,70B3D5E75E00000G", "fleet.csv:2: devEui")]
    [InlineData("watermeter,wm-1,overhalla,,0000000000000000", "fleet.csv:2: devEui")]
    [InlineData("watermeter,wm-1,overhalla,,ffffffffffffffff", "fleet.csv:2: devEui")]
    [InlineData("watermeter,wm-1,overhalla,,70B3-D5E7-5E00-01", "fleet.csv:2: devEui")]
    [InlineData("watermeter,wm-1,overhalla,,70b3d5e75e000001", "fleet.csv:2: devEui 70B3D5E75E000001 is already listed on line 1")]
    [InlineData("watermeter,wm-1,overhalla,,70B3D5E75E000009,x", "fleet.csv:2: expected")]
    public void Parse_BadOrRepeatedDevEui_SaysWhichLine(string line, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => FleetFile.Parse(["watermeter,wm-0,overhalla,,70B3D5E75E000001", line], "fleet.csv"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lamp,l1,overhalla", "fleet.csv:1: kind")]
    [InlineData("streetlight,l/1,overhalla", "fleet.csv:1: deviceId")]
    [InlineData("streetlight,l+1,overhalla", "fleet.csv:1: deviceId")]
    [InlineData("streetlight,l1,Overhalla", "fleet.csv:1: municipality")]
    [InlineData("streetlight,l1", "fleet.csv:1: expected")]
    [InlineData("streetlight,l1,overhalla,Bad Role", "fleet.csv:1: role")]
    public void Parse_BadLine_SaysWhichLineAndField(string line, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => FleetFile.Parse([line], "fleet.csv"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FleetPassword_IsTheSameOnBothSides_AndDiffersPerDeviceAndKey()
    {
        var username = DeviceUsername.Of("overhalla", DeviceKind.Streetlight, "sim-light-0001");

        Assert.Equal("overhalla/streetlight/sim-light-0001", username);
        Assert.Equal(FleetCredentials.Password("fleet-key-0123456789abcdef", username), DeviceSecrets.FromFleetKey("fleet-key-0123456789abcdef", username));
        Assert.NotEqual(FleetCredentials.Password("fleet-key-0123456789abcdef", username), FleetCredentials.Password("fleet-key-0123456789abcdef", username + "2"));
        Assert.NotEqual(FleetCredentials.Password("fleet-key-0123456789abcdef", username), FleetCredentials.Password("fleet-key-0123456789abcdeF", username));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", FleetCredentials.Password("k", username));
    }

    [Theory]
    [InlineData("overhalla/streetlight/l1", true)]
    [InlineData("overhalla/streetlight/l1/x", false)]
    [InlineData("overhalla/lamp/l1", false)]
    [InlineData("overhalla/streetlight/+", false)]
    [InlineData("overhalla/streetlight/#", false)]
    [InlineData("smartoverhalla-gateway", false)]
    [InlineData("", false)]
    public void DeviceUsername_TryParse_AcceptsOnlyTheDeviceForm(string username, bool valid)
    {
        Assert.Equal(valid, DeviceUsername.TryParse(username, out _, out _));
    }
}
