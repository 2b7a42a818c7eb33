using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Lighting.Configuration.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>
/// Reads and validates the lighting zone file (YAML; see domains/SmartOverhalla.Lighting/lighting-zones.yaml and the README). Every
/// problem is collected before anything fails, so an operator fixes the file in one round.
/// </summary>
public static class ZoneConfigurationLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Loads <paramref name="path"/>; throws <see cref="ZoneConfigurationException"/> listing every problem.</summary>
    public static ZoneConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return TryLoad(path, out var configuration, out var problems)
            ? configuration!
            : throw new ZoneConfigurationException(path, problems);
    }

    /// <summary>Parses zone-file text; throws <see cref="ZoneConfigurationException"/> listing every problem.</summary>
    public static ZoneConfiguration Parse(string yaml, string source = "(text)")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return TryParse(yaml, out var configuration, out var problems)
            ? configuration!
            : throw new ZoneConfigurationException(source, problems);
    }

    /// <summary>Loads <paramref name="path"/>; false with every problem when it cannot be read or is invalid.</summary>
    public static bool TryLoad(string path, out ZoneConfiguration? configuration, out IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            configuration = null;
            problems = [new ConfigurationProblem(path, $"cannot be read: {exception.Message}")];
            return false;
        }

        return TryParse(yaml, out configuration, out problems);
    }

    /// <summary>Parses zone-file text; false with every problem when it is invalid.</summary>
    public static bool TryParse(string yaml, out ZoneConfiguration? configuration, out IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        configuration = null;
        ZoneFileDocument? document;
        try
        {
            document = Deserializer.Deserialize<ZoneFileDocument?>(yaml);
        }
        catch (YamlException exception)
        {
            // Structure errors (bad indentation, an unknown key such as a misspelt 'levle', a list where a value
            // belongs) stop the parser; YamlDotNet's position says where.
            problems = [new ConfigurationProblem($"line {exception.Start.Line}, column {exception.Start.Column}", Describe(exception))];
            return false;
        }

        var found = new List<ConfigurationProblem>();
        if (document is null)
        {
            found.Add(new("file", "is empty"));
            problems = found;
            return false;
        }

        if (string.IsNullOrWhiteSpace(document.Municipality))
        {
            found.Add(new("municipality", "is missing"));
        }
        else if (!DeviceTopic.IsValidMunicipality(document.Municipality))
        {
            found.Add(new("municipality", $"'{document.Municipality}' must be {Slug.Rule}"));
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        var profiles = ProfileReader.Read(document.Profiles, found, declared);
        var selections = new List<(string Where, LightSelection Lights)>();
        var zones = ZoneReader.Read(document.Zones, profiles, declared, found, selections);
        LightOverlapCheck.Check(selections, found);

        problems = found;
        if (found.Count > 0)
        {
            return false;
        }

        var inFileOrder = document.Profiles!.Select(profile => profiles[profile!.Id!]).ToArray();
        configuration = new ZoneConfiguration(document.Municipality!, zones, inFileOrder);
        return true;
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet wraps the useful message ("Property 'levle' not found on type ...") in an outer one that
        // only repeats the position; type names of our internal classes mean nothing to an operator.
        var message = (exception.InnerException as YamlException)?.Message ?? exception.InnerException?.Message ?? exception.Message;
        return message.Replace("SmartOverhalla.Lighting.Configuration.Yaml.ZoneFile", "zone file ", StringComparison.Ordinal);
    }
}
