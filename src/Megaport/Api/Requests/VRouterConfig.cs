using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>The MCR (vRouter) side of a VXC: its interfaces, their addresses, BFD and BGP sessions.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VRouterPartnerConfig : PartnerConfig
    {
        /// <summary>Not sent: the API knows an MCR end by its product.</summary>
        public override string? ConnectType => null;
        [JsonProperty("interfaces")] public IReadOnlyList<VRouterInterface> Interfaces { get; set; } = new List<VRouterInterface>();
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VRouterInterface
    {
        /// <summary>Addresses with prefix length ("169.254.100.1/30").</summary>
        [JsonProperty("ipAddresses")] public IReadOnlyList<string> IpAddresses { get; set; } = new List<string>();
        [JsonProperty("bfd")] public BfdSettings? Bfd { get; set; }
        [JsonProperty("bgpConnections")] public IReadOnlyList<BgpConnection>? BgpConnections { get; set; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class BfdSettings
    {
        [JsonProperty("txInterval")] public int TxInterval { get; set; } = 300;
        [JsonProperty("rxInterval")] public int RxInterval { get; set; } = 300;
        [JsonProperty("multiplier")] public int Multiplier { get; set; } = 3;
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class BgpConnection
    {
        [JsonProperty("peerAsn")] public long PeerAsn { get; set; }
        [JsonProperty("localIpAddress")] public string LocalIpAddress { get; set; } = "";
        [JsonProperty("peerIpAddress")] public string PeerIpAddress { get; set; } = "";
        [JsonProperty("shutdown")] public bool Shutdown { get; set; }
        [JsonProperty("bfdEnabled")] public bool BfdEnabled { get; set; }
        [JsonProperty("password")] public string? Password { get; set; }
    }
}
