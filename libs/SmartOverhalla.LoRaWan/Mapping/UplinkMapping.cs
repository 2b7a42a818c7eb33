using System.Collections.Immutable;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>The checked mapping file (<see cref="UplinkMappingLoader"/>): finds the profile of an uplink.</summary>
public sealed class UplinkMapping(ImmutableArray<UplinkProfile> profiles)
{
    public ImmutableArray<UplinkProfile> Profiles { get; } = profiles;

    /// <summary>The most specific profile that matches (application and device profile, then device profile, then application); null when none does.</summary>
    public UplinkProfile? Find(NetworkUplink uplink)
    {
        UplinkProfile? best = null;
        foreach (var profile in Profiles)
        {
            if (profile.Match.Matches(uplink) && (best is null || profile.Match.Specificity > best.Match.Specificity))
            {
                best = profile;
            }
        }

        return best;
    }
}
