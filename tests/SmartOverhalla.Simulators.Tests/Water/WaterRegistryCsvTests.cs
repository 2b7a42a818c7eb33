using System.Text;
using SmartOverhalla.Simulators.WaterNetwork;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.Water;

public sealed class WaterRegistryCsvTests
{
    [Fact]
    public async Task WriteAsync_ThreeHouseholdsInOneDistrict_WritesHeaderHouseholdsWithAddressesAndTheInflowMeterWithout()
    {
        // Given
        var network = WaterNetworkBuilder.Build(WaterTestNetworks.Options(3, w => w.Districts = 1), WaterTestNetworks.MondayMidnight);
        using var folder = new TempDirectory("so-registry-");
        var file = folder.File("sub/registry.csv");

        // When
        await WaterRegistryCsv.WriteAsync(file, network, TestContext.Current.CancellationToken);

        // Then: no BOM, LF lines, header, households then the inflow meter, addresses only for households
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal("meterId;municipality;role;district;address", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.Equal(string.Empty, lines[5]);
        for (var i = 1; i <= 3; i++)
        {
            var fields = lines[i].Split(';');
            Assert.Equal($"sim-water-000{i}", fields[0]);
            Assert.Equal(["overhalla", "household", "dma-01"], fields[1..4]);
            Assert.Matches(@"^Syntetisk\S* ?\S* \d+[A-D]?, 7863 Overhalla$", fields[4]);
        }

        Assert.Equal("sim-inflow-01;overhalla;district-inflow;dma-01;", lines[4]);
        Assert.Equal(3, lines[1..4].Select(l => l.Split(';')[4]).Distinct().Count());
    }

    [Fact]
    public void Format_SameSeed_IsTheSameAndAnotherSeedGivesOtherAddresses()
    {
        var a = WaterRegistryCsv.Format(WaterNetworkBuilder.Build(WaterTestNetworks.Options(20, w => w.Districts = 2), WaterTestNetworks.MondayMidnight));
        var b = WaterRegistryCsv.Format(WaterNetworkBuilder.Build(WaterTestNetworks.Options(20, w => w.Districts = 2), WaterTestNetworks.MondayMidnight));
        var other = WaterTestNetworks.Options(20, w => w.Districts = 2);
        other.Seed = 99;
        var c = WaterRegistryCsv.Format(WaterNetworkBuilder.Build(other, WaterTestNetworks.MondayMidnight));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains("sim-water-0010;overhalla;household;dma-01;", a, StringComparison.Ordinal);
        Assert.Contains("sim-water-0011;overhalla;household;dma-02;", a, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Syntetisk vei 1, 7863 Overhalla", "Syntetisk vei 1, 7863 Overhalla")]
    [InlineData("A;B", "\"A;B\"")]
    [InlineData("Sagt \"hei\"", "\"Sagt \"\"hei\"\"\"")]
    public void Quote_FieldsWithSeparatorOrQuote_AreQuotedAsRfc4180Says(string field, string expected) =>
        Assert.Equal(expected, WaterRegistryCsv.Quote(field));
}
