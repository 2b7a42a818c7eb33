using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SmartOverhalla.Simulators.Configuration;

namespace SmartOverhalla.Simulators.Tests.Configuration;

public sealed class SimulatorCommandLineTests
{
    [Fact]
    public async Task Invoke_WithSwitches_SetsExactlyTheirConfigurationKeys()
    {
        // Given
        IReadOnlyDictionary<string, string?>? settings = null;
        var command = SimulatorCommandLine.Create((s, _) =>
        {
            settings = s;
            return Task.CompletedTask;
        });

        // When
        var exitCode = await Invoke(command, "--streetlights 50 --watermeters 20 --ploughs 3 --municipality overhalla --mqtt-host 127.0.0.1 --mqtt-port 1884 --streetlight-interval 00:00:05 --seed 42 --messages-per-device 10");

        // Then
        Assert.Equal(0, exitCode);
        Assert.NotNull(settings);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Simulators:Streetlights"] = "50",
                ["Simulators:Watermeters"] = "20",
                ["Simulators:Ploughs"] = "3",
                ["Simulators:Municipality"] = "overhalla",
                ["Mqtt:Host"] = "127.0.0.1",
                ["Mqtt:Port"] = "1884",
                ["Simulators:StreetlightInterval"] = "00:00:05",
                ["Simulators:Seed"] = "42",
                ["Simulators:MessagesPerDevice"] = "10",
            },
            settings.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task Invoke_WithFaultSwitches_SetsKeysThatBindToTheFaultOptions()
    {
        // Given
        IReadOnlyDictionary<string, string?>? settings = null;
        var command = SimulatorCommandLine.Create((s, _) =>
        {
            settings = s;
            return Task.CompletedTask;
        });

        // When ids come comma-separated and repeated
        var exitCode = await Invoke(
            command,
            "--command-silence-fallback 00:30:00 --lamp-failure-fraction 0.05 --lamp-failure-devices sim-light-0003,sim-light-0007 "
            + "--driver-fault-devices sim-light-0001 --driver-fault-devices sim-light-0002 --never-ack-fraction 0.01 --slow-ack-devices sim-light-0004 --slow-ack-delay 00:00:45");

        // Then each switch sets its key, list items as key:0, key:1, …
        Assert.Equal(0, exitCode);
        Assert.NotNull(settings);
        Assert.Equal("sim-light-0007", settings["Simulators:StreetlightFaults:LampFailure:Devices:1"]);

        // And they bind into the options as one would write them in appsettings.json
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>()!;
        Assert.Equal(TimeSpan.FromMinutes(30), options.CommandSilenceFallback);
        Assert.Equal(0.05, options.StreetlightFaults.LampFailure.Fraction);
        Assert.Equal(["sim-light-0003", "sim-light-0007"], options.StreetlightFaults.LampFailure.Devices);
        Assert.Equal(["sim-light-0001", "sim-light-0002"], options.StreetlightFaults.DriverFault.Devices);
        Assert.Equal(0.01, options.StreetlightFaults.NeverAck.Fraction);
        Assert.Equal(["sim-light-0004"], options.StreetlightFaults.SlowAck.Devices);
        Assert.Equal(TimeSpan.FromSeconds(45), options.StreetlightFaults.SlowAckDelay);
    }

    [Fact]
    public async Task Invoke_WithoutSwitches_OverridesNothing()
    {
        IReadOnlyDictionary<string, string?>? settings = null;
        var command = SimulatorCommandLine.Create((s, _) =>
        {
            settings = s;
            return Task.CompletedTask;
        });

        var exitCode = await Invoke(command, string.Empty);

        Assert.Equal(0, exitCode);
        Assert.NotNull(settings);
        Assert.Empty(settings);
    }

    [Fact]
    public async Task Invoke_Help_DocumentsEverySwitchAndDoesNotRun()
    {
        // Given
        var ran = false;
        var command = SimulatorCommandLine.Create((_, _) =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        var output = new StringWriter();

        // When
        var exitCode = await command.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output }, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(0, exitCode);
        Assert.False(ran);
        foreach (var name in new[]
        {
            "--streetlights", "--watermeters", "--ploughs", "--municipality", "--seed", "--streetlight-interval", "--messages-per-device", "--mqtt-host", "--mqtt-port",
            "--command-silence-fallback", "--lamp-failure-fraction", "--lamp-failure-devices", "--driver-fault-fraction", "--driver-fault-devices",
            "--never-ack-fraction", "--never-ack-devices", "--slow-ack-fraction", "--slow-ack-devices", "--slow-ack-delay",
        })
        {
            Assert.Contains(name, output.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("(default 10)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WithAValueOfTheWrongType_FailsWithoutRunning()
    {
        var ran = false;
        var command = SimulatorCommandLine.Create((_, _) =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        var error = new StringWriter();

        var exitCode = await command.Parse(["--streetlights", "many"]).InvokeAsync(new InvocationConfiguration { Error = error, Output = new StringWriter() }, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        Assert.False(ran);
        Assert.Contains("many", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<int> Invoke(RootCommand command, string commandLine) =>
        command.Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)).InvokeAsync(
            new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() },
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task Invoke_WithWaterAndBackfillSwitches_SetsTheirConfigurationKeys()
    {
        IReadOnlyDictionary<string, string?>? settings = null;
        var command = SimulatorCommandLine.Create((s, _) =>
        {
            settings = s;
            return Task.CompletedTask;
        });

        var exitCode = await Invoke(command, "--districts 2 --water-leaks 3 --water-bursts 1 --household-interval-min 00:20:00 --backfill-from 2026-11-01T00:00:00Z --backfill-to 2026-11-15T00:00:00Z --write-ground-truth t.json --write-water-registry r.csv");

        Assert.Equal(0, exitCode);
        Assert.NotNull(settings);
        Assert.Equal("2", settings["Simulators:Water:Districts"]);
        Assert.Equal("3", settings["Simulators:Water:RandomLeaks"]);
        Assert.Equal("1", settings["Simulators:Water:RandomBursts"]);
        Assert.Equal("00:20:00", settings["Simulators:Water:HouseholdIntervalMin"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(settings["Simulators:Backfill:From"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(settings["Simulators:Backfill:To"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("t.json", settings["Simulators:Water:GroundTruthFile"]);
        Assert.Equal("r.csv", settings["Simulators:Water:RegistryFile"]);
    }
}
