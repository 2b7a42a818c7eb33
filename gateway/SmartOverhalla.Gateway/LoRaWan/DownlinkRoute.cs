using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.LoRaWan.Mapping;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>How a light's commands reach it: the address learnt from its last uplink and its profile's encoder.</summary>
internal sealed record DownlinkRoute(DownlinkAddress Address, CommandProfile Commands, string ProfileName);
