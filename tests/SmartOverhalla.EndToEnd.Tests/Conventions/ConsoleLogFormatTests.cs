using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using SmartOverhalla.ServiceDefaults;

namespace SmartOverhalla.EndToEnd.Tests.Conventions;

/// <summary>
/// The console log line every host writes (ServiceDefaults): its timestamp is ISO 8601 UTC whatever the machine's
/// culture. Limit: the console formatter takes the culture's calendar, so under a culture whose default calendar is
/// not Gregorian (ar-SA, th-TH) the year is that calendar's.
/// </summary>
public sealed partial class ConsoleLogFormatTests
{
    [Theory]
    [InlineData("nb-NO")]
    [InlineData("en-US")]
    [InlineData("da-DK")] // its time separator is '.'
    [InlineData("fi-FI")] // as above
    [InlineData("")] // invariant
    public void ConsoleLogLine_InAnyCulture_StartsWithAnIsoUtcTimestamp(string culture)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddServiceDefaults();
        using var services = builder.Services.BuildServiceProvider();
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple);
        using var line = new StringWriter(CultureInfo.InvariantCulture);

        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(culture), CultureInfo.GetCultureInfo(culture));
            formatter.Write(
                new LogEntry<string>(LogLevel.Information, "SmartOverhalla.Test", new EventId(1), "message", null, (state, _) => state),
                new LoggerExternalScopeProvider(),
                line);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }

        Assert.Matches(IsoUtcTimestamp(), line.ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\d\.\d{3}Z info: ")]
    private static partial System.Text.RegularExpressions.Regex IsoUtcTimestamp();
}
