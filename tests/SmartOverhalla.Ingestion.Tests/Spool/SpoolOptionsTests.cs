using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOverhalla.Ingestion.Spool;

namespace SmartOverhalla.Ingestion.Tests.Spool;

public sealed class SpoolOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new SpoolOptions();
        var results = new List<ValidationResult>();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal((1L << 30, 0.8), (options.MaxBytes, options.AlarmFillRatio));
    }

    [Fact]
    public void Validate_SegmentLargerThanTheSpool_IsRefusedNamingBoth()
    {
        var options = new SpoolOptions { MaxBytes = 2L << 20, SegmentBytes = 4L << 20 };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        var result = Assert.Single(results);
        Assert.Contains(nameof(SpoolOptions.SegmentBytes), result.MemberNames);
        Assert.Contains(nameof(SpoolOptions.MaxBytes), result.MemberNames);
    }

    [Fact]
    public void HostChecks_WritableDirectory_Succeeds()
    {
        using var dir = new SpoolDirectory();
        var validator = new SpoolOptionsHostChecks(new Environment(dir.Path), Options.Create(new IngestionOptions { ClientId = "w1" }));

        var result = validator.Validate(null, new SpoolOptions { Directory = "spool" });

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "spool", "w1")));
    }

    [Fact]
    public void HostChecks_PathThroughAFile_FailsNamingTheSetting()
    {
        using var dir = new SpoolDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "not-a-dir"), "x");
        var validator = new SpoolOptionsHostChecks(new Environment(dir.Path), Options.Create(new IngestionOptions { ClientId = "w1" }));

        var result = validator.Validate(null, new SpoolOptions { Directory = "not-a-dir/spool" });

        Assert.True(result.Failed);
        Assert.Contains("Ingestion:Spool:Directory", result.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
