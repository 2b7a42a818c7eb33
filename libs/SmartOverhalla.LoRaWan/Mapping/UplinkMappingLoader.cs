using System.Collections.Immutable;
using SmartOverhalla.LoRaWan.Mapping.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>
/// Reads and checks the LoRaWAN uplink mapping file (YAML; <c>deploy/lorawan/uplink-mapping.yaml</c> is the example).
/// Every problem is collected before anything fails, so an operator fixes the file in one round; a host refuses to
/// start with a file that has any.
/// </summary>
public static class UplinkMappingLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Loads <paramref name="path"/>; throws <see cref="UplinkMappingException"/> listing every problem.</summary>
    public static UplinkMapping Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UplinkMappingException(path, [new MappingProblem(path, $"cannot be read: {exception.Message}")]);
        }

        return Parse(yaml, path);
    }

    /// <summary>Null when <paramref name="path"/> is a usable mapping file; else every problem, as one message for a start-up error.</summary>
    public static string? Check(string path)
    {
        try
        {
            Load(path);
            return null;
        }
        catch (UplinkMappingException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Parses mapping-file text; throws <see cref="UplinkMappingException"/> listing every problem.</summary>
    public static UplinkMapping Parse(string yaml, string source = "(text)")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return TryParse(yaml, out var mapping, out var problems) ? mapping! : throw new UplinkMappingException(source, problems);
    }

    public static bool TryParse(string yaml, out UplinkMapping? mapping, out IReadOnlyList<MappingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        mapping = null;
        MappingFileDocument? document;
        try
        {
            document = Deserializer.Deserialize<MappingFileDocument?>(yaml);
        }
        catch (YamlException exception)
        {
            // Structure errors (an unknown key such as 'form', bad indentation) stop the parser; its position says where.
            var message = (exception.InnerException as YamlException)?.Message ?? exception.InnerException?.Message ?? exception.Message;
            problems = [new MappingProblem($"line {exception.Start.Line}, column {exception.Start.Column}", message.Replace("SmartOverhalla.LoRaWan.Mapping.Yaml.MappingFile", "mapping file ", StringComparison.Ordinal))];
            return false;
        }

        var found = new List<MappingProblem>();
        if (document?.Profiles is not { Count: > 0 } written)
        {
            problems = [new MappingProblem("profiles", "is missing or empty: the file must list at least one profile")];
            return false;
        }

        var profiles = ImmutableArray.CreateBuilder<UplinkProfile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var matches = new Dictionary<ProfileMatch, string>();
        for (var index = 0; index < written.Count; index++)
        {
            var where = $"profiles[{index}]";
            if (written[index] is not { } profile)
            {
                found.Add(new MappingProblem(where, "is empty"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(profile.Name))
            {
                found.Add(new MappingProblem(where, "name is missing"));
            }
            else
            {
                where = $"profiles[{index}] '{profile.Name}'";
                if (!names.Add(profile.Name))
                {
                    found.Add(new MappingProblem(where, "name is used by an earlier profile"));
                }
            }

            var checkedProfile = ProfileReader.Read(profile, where, found);
            if (checkedProfile is null)
            {
                continue;
            }

            if (matches.TryGetValue(checkedProfile.Match, out var earlier))
            {
                found.Add(new MappingProblem(where, $"match ({checkedProfile.Match}) is the same as profile '{earlier}': an uplink must have one profile"));
            }
            else
            {
                matches.Add(checkedProfile.Match, checkedProfile.Name);
            }

            profiles.Add(checkedProfile);
        }

        problems = found;
        if (found.Count > 0)
        {
            return false;
        }

        mapping = new UplinkMapping(profiles.ToImmutable());
        return true;
    }
}
