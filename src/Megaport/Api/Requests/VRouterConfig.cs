using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>
    /// The vRouter side of a VXC, an MCR's or a NAT gateway's: its interfaces, their addresses, routes, BFD, BGP sessions,
    /// IPsec tunnels (MCRs) and packet filters (NAT gateways).
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VRouterPartnerConfig : PartnerConfig
    {
        /// <summary>Not sent: the API knows an MCR or NAT gateway end by its product.</summary>
        public override string? ConnectType => null;
        [JsonProperty("interfaces")] public IReadOnlyList<VRouterInterface> Interfaces { get; set; } = new List<VRouterInterface>();
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VRouterInterface
    {
        /// <summary>The interfaceType of an interface that carries one IPsec tunnel (the other kind, subInterface, is the default).</summary>
        public const string IpsecTunnelType = "ipSecTunnel";

        [JsonProperty("description")] public string? Description { get; set; }
        /// <summary>subInterface (the API's default, not sent) or ipSecTunnel.</summary>
        [JsonProperty("interfaceType")] public string? InterfaceType { get; set; }
        /// <summary>Addresses with prefix length ("169.254.100.1/30").</summary>
        [JsonProperty("ipAddresses")] public IReadOnlyList<string>? IpAddresses { get; set; }
        [JsonProperty("ipRoutes")] public IReadOnlyList<IpRoute>? IpRoutes { get; set; }
        [JsonProperty("natIpAddresses")] public IReadOnlyList<string>? NatIpAddresses { get; set; }
        [JsonProperty("bfd")] public BfdSettings? Bfd { get; set; }
        [JsonProperty("bgpConnections")] public IReadOnlyList<BgpConnection>? BgpConnections { get; set; }
        [JsonProperty("vlan")] public int? Vlan { get; set; }
        [JsonProperty("ipSecTunnelOptions")] public IpsecTunnelOptions? IpsecTunnel { get; set; }
        /// <summary>A NAT gateway's packet filter ids, for packets coming in and going out over the VXC.</summary>
        [JsonProperty("packetFilterIn")] public int? PacketFilterIn { get; set; }
        [JsonProperty("packetFilterOut")] public int? PacketFilterOut { get; set; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class IpRoute
    {
        [JsonProperty("prefix")] public string Prefix { get; set; } = "";
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("nextHop")] public string NextHop { get; set; } = "";
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
        [JsonProperty("localAsn")] public long? LocalAsn { get; set; }
        [JsonProperty("localIpAddress")] public string LocalIpAddress { get; set; } = "";
        [JsonProperty("peerIpAddress")] public string PeerIpAddress { get; set; } = "";
        /// <summary>Plain text only here, made from the caller's SecureString as the request is built.</summary>
        [JsonProperty("password")] public string? Password { get; set; }
        [JsonProperty("shutdown")] public bool Shutdown { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("medIn")] public int? MedIn { get; set; }
        [JsonProperty("medOut")] public int? MedOut { get; set; }
        [JsonProperty("bfdEnabled")] public bool BfdEnabled { get; set; }
        [JsonProperty("exportPolicy")] public string? ExportPolicy { get; set; }
        [JsonProperty("permitExportTo")] public IReadOnlyList<string>? PermitExportTo { get; set; }
        [JsonProperty("denyExportTo")] public IReadOnlyList<string>? DenyExportTo { get; set; }
        /// <summary>Prefix list ids of the MCR or NAT gateway (import allow / deny, export allow / deny).</summary>
        [JsonProperty("importWhitelist")] public int? ImportWhitelist { get; set; }
        [JsonProperty("importBlacklist")] public int? ImportBlacklist { get; set; }
        [JsonProperty("exportWhitelist")] public int? ExportWhitelist { get; set; }
        [JsonProperty("exportBlacklist")] public int? ExportBlacklist { get; set; }
        [JsonProperty("asPathPrependCount")] public int? AsPathPrependCount { get; set; }
        [JsonProperty("peerType")] public string? PeerType { get; set; }
        [JsonProperty("asOverride")] public bool? AsOverride { get; set; }
    }

    /// <summary>One IPsec tunnel, on its own ipSecTunnel interface (an object, not a list).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class IpsecTunnelOptions
    {
        [JsonProperty("sourceIpAddress")] public string SourceIpAddress { get; set; } = "";
        [JsonProperty("destinationIpAddress")] public string DestinationIpAddress { get; set; } = "";
        /// <summary>Plain text only here, made from the caller's SecureString as the request is built.</summary>
        [JsonProperty("preSharedKey")] public string PreSharedKey { get; set; } = "";
        [JsonProperty("passive")] public bool? Passive { get; set; }
        [JsonProperty("localId")] public string? LocalId { get; set; }
        [JsonProperty("remoteId")] public string? RemoteId { get; set; }
        [JsonProperty("phase1Lifetime")] public int? Phase1Lifetime { get; set; }
        [JsonProperty("phase2Lifetime")] public int? Phase2Lifetime { get; set; }
    }
}
