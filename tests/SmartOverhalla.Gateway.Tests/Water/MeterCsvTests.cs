using System.Text;
using SmartOverhalla.Gateway.Water.Registry;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Tests.Water;

public sealed class MeterCsvTests
{
    [Fact]
    public void Parse_FileWithBomQuotingAndCrlf_ReadsEveryMeter()
    {
        // Given a file as Excel saves "CSV UTF-8": a BOM, CRLF, a quoted address holding ';' and '""', a blank last line
        var text = "meterId;municipality;role;district;address\r\n" +
            "m-1;overhalla;household;d01;Sentrumsvegen 12\r\n" +
            "m-2;overhalla;household;d01;\"Skage \"\"Nord\"\"; gnr. 3 bnr. 14\"\r\n" +
            "in-1;overhalla;district-inflow;d01;\r\n" +
            "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var meters = MeterCsv.Parse(bytes);

        Assert.Equal(3, meters.Count);
        Assert.Equal(new MeterDefinition("overhalla", "m-1", MeterRole.Household, "d01", "Sentrumsvegen 12"), meters[0]);
        Assert.Equal("Skage \"Nord\"; gnr. 3 bnr. 14", meters[1].Address);
        Assert.Equal(new MeterDefinition("overhalla", "in-1", MeterRole.DistrictInflow, "d01", null), meters[2]);
    }

    [Fact]
    public void Parse_HouseholdOutsideEveryDistrict_HasAnEmptyDistrict()
    {
        // As the simulator writes a fleet without districts: LF line ends, no BOM, an empty district
        var meters = MeterCsv.Parse(Encoding.UTF8.GetBytes("meterId;municipality;role;district;address\nm-1;overhalla;household;;Vegen 1\n"));

        Assert.Equal(new MeterDefinition("overhalla", "m-1", MeterRole.Household, string.Empty, "Vegen 1"), Assert.Single(meters));
    }

    [Theory]
    [InlineData("meterId,municipality,role,district,address\nm-1,overhalla,household,d01,x\n", 1, "header")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;d01;Vegen 1\nm-2;overhalla;house;d01;Vegen 2\n", 3, "role")]
    [InlineData("meterId;municipality;role;district;address\nm 1;overhalla;household;d01;Vegen 1\n", 2, "meterId")]
    [InlineData("meterId;municipality;role;district;address\nm-1;Overhalla;household;d01;Vegen 1\n", 2, "municipality")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;D 01;Vegen 1\n", 2, "district")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;d01;Vegen 1\nm-2;overhalla;household;d01; \n", 3, "address is required")]
    [InlineData("meterId;municipality;role;district;address\nin-1;overhalla;district-inflow;d01;Vegen 1\n", 2, "address must be empty")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;d01;Vegen 1\nm-2;overhalla;household;d01;Vegen 2\nm-1;overhalla;household;d02;Vegen 3\n", 4, "first on line 2")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;d01\n", 2, "expected 5 fields")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;d01;Vegen 1\nm-2;overhalla;household;d01;\"Vegen 2\n", 3, "not closed")]
    [InlineData("", 1, "empty")]
    [InlineData("meterId;municipality;role;district;address\nin-1;overhalla;district-inflow;;\n", 2, "required for a district inflow meter")]
    [InlineData("meterId;municipality;role;district;address\nm-1;overhalla;household;d01;\"Vegen 1\nleil. 2\"\nm-2;overhalla;household;x;Vegen 2\n", 2, "line breaks")]
    public void Parse_BadFile_IsRefusedWithItsLineAndReason(string text, int line, string reason)
    {
        var refused = Assert.Throws<MeterCsvException>(() => MeterCsv.Parse(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(line, refused.Line);
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AddressInTheDistrictColumn_IsRefusedWithoutShowingIt()
    {
        // A file whose district column was left out: the address slid into it (and the line is one field short).
        const string text = "meterId;municipality;role;district;address\nm-1;overhalla;household;Storgata 12, 7863 Overhalla;\n";

        var refused = Assert.Throws<MeterCsvException>(() => MeterCsv.Parse(Encoding.UTF8.GetBytes(text)));

        // The refusal names the line and the column, and never the address: it goes into an HTTP answer and the start log.
        Assert.Equal(2, refused.Line);
        Assert.Contains("district", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Storgata", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Storgata", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Latin1Bytes_AreRefusedAsNotUtf8OnTheirLine()
    {
        // "Tømmervegen" saved as Windows-1252: ø is the single byte 0xF8, never valid UTF-8
        var bytes = Encoding.ASCII.GetBytes("meterId;municipality;role;district;address\nm-1;overhalla;household;d01;T").Append((byte)0xF8).Concat(Encoding.ASCII.GetBytes("mmervegen 1\n")).ToArray();

        var refused = Assert.Throws<MeterCsvException>(() => MeterCsv.Parse(bytes));

        Assert.Equal(2, refused.Line);
        Assert.Contains("UTF-8", refused.Reason, StringComparison.Ordinal);
    }
}
