using System.Collections.Immutable;
using SmartOverhalla.Contracts.Catalog;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.LoRaWan.Mapping.Yaml;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>Checks one written profile against the device contract and turns it into an <see cref="UplinkProfile"/>.</summary>
internal static class ProfileReader
{
    public static UplinkProfile? Read(MappingFileProfile profile, string where, List<MappingProblem> found)
    {
        var before = found.Count;
        var match = ReadMatch(profile.Match, where, found);
        if (!TopicNames.TryParseKind(profile.Kind, out var kind) || profile.Kind is null)
        {
            found.Add(new MappingProblem(where, $"kind '{profile.Kind}' must be one of streetlight, watermeter, plough"));
            return null;
        }

        var targets = ContractFields.Of(kind, MessageType.Telemetry).Where(field => !field.IsDeviceId && !field.IsDeviceTime).ToArray();
        var rules = ReadFields(profile.Fields, targets, kind, where, found);
        var timestamp = ReadTimestamp(profile.Ts, where, found);
        var commands = ReadCommands(profile.Commands, kind, where, found);
        return found.Count > before || match is null
            ? null
            : new UplinkProfile(profile.Name!, match, kind, rules, timestamp, commands);
    }

    private static ProfileMatch? ReadMatch(MappingFileMatch? match, string where, List<MappingProblem> found)
    {
        if (match is null)
        {
            found.Add(new MappingProblem(where, "match is missing (network, and application and/or deviceProfile)"));
            return null;
        }

        if (!LoRaWanNetworkNames.TryParse(match.Network, out var network))
        {
            found.Add(new MappingProblem($"{where} match.network", $"'{match.Network}' must be {LoRaWanNetworkNames.ChirpStack} or {LoRaWanNetworkNames.TheThingsStack}"));
            return null;
        }

        var application = string.IsNullOrWhiteSpace(match.Application) ? null : match.Application;
        var deviceProfile = string.IsNullOrWhiteSpace(match.DeviceProfile) ? null : match.DeviceProfile;
        if (application is null && deviceProfile is null)
        {
            found.Add(new MappingProblem($"{where} match", "needs application, deviceProfile or both, else it would match every uplink of the network"));
            return null;
        }

        return new ProfileMatch(network, application, deviceProfile);
    }

    private static ImmutableArray<FieldRule> ReadFields(
        Dictionary<string, MappingFileField?>? fields, ContractField[] targets, DeviceKind kind, string where, List<MappingProblem> found)
    {
        fields ??= [];
        var byPath = targets.ToDictionary(target => target.Path, StringComparer.Ordinal);
        foreach (var path in fields.Keys.Where(path => !byPath.ContainsKey(path)))
        {
            found.Add(new MappingProblem(
                $"{where} fields.{path}",
                $"is not a field of {TopicNames.Of(kind)} telemetry; its fields are {string.Join(", ", targets.Select(target => target.Path))}"));
        }

        var rules = ImmutableArray.CreateBuilder<FieldRule>();
        foreach (var target in targets)
        {
            var at = $"{where} fields.{target.Path}";
            if (!fields.TryGetValue(target.Path, out var written) || written is null)
            {
                if (target.Required)
                {
                    found.Add(new MappingProblem(at, $"is required by the {TopicNames.Of(kind)} contract: map it with 'from:', or give a constant with 'value:'"));
                }

                continue;
            }

            if (FieldRuleReader.Read(target, written, at, found) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.ToImmutable();
    }

    private static string? ReadTimestamp(MappingFileField? ts, string where, List<MappingProblem> found)
    {
        if (ts is null)
        {
            return null;
        }

        if (ts.Value is not null || ts.Default is not null || ts.Scale is not null || ts.Offset is not null || !DecodedPath.IsValid(ts.From))
        {
            found.Add(new MappingProblem($"{where} ts", "takes only 'from:', the decoded field with the device's own time (RFC 3339 text or Unix seconds)"));
            return null;
        }

        return ts.From;
    }

    private static CommandProfile? ReadCommands(MappingFileCommands? commands, DeviceKind kind, string where, List<MappingProblem> found)
    {
        if (commands is null)
        {
            return null;
        }

        var at = $"{where} commands";
        if (kind != DeviceKind.Streetlight)
        {
            found.Add(new MappingProblem(at, "only street lights take commands"));
            return null;
        }

        if (commands.Encoder is null || !CommandEncoders.IsKnown(commands.Encoder))
        {
            found.Add(new MappingProblem($"{at}.encoder", $"'{commands.Encoder}' is not a known encoder; known: {string.Join(", ", CommandEncoders.Names)}"));
            return null;
        }

        var fPort = commands.FPort ?? CommandProfile.DefaultFPort;
        if (fPort is < 1 or > 223)
        {
            found.Add(new MappingProblem($"{at}.fPort", $"{fPort} must be 1-223 (LoRaWAN application ports)"));
            return null;
        }

        return new CommandProfile(commands.Encoder, fPort, commands.Confirmed ?? true);
    }
}
