using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>A host environment for building lighting components without a host (their files go where the test says).</summary>
internal sealed class TestEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Development;

    public string ApplicationName { get; set; } = "tests";

    public string ContentRootPath { get; set; } = Path.GetTempPath();

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
