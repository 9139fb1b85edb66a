using System;
using System.Security;

namespace Megaport
{
    // Config objects: what the New-Megaport*Config cmdlets return and New-/Set-MegaportVxc take (hashtables with the
    // same keys are accepted too). Secrets are SecureStrings here and plain text only inside the request that needs them.

    /// <summary>One interface of an MCR's or a NAT gateway's end of a VXC (New-MegaportMcrInterfaceConfig).</summary>
    public sealed class McrInterfaceConfig
    {
        /// <summary>The MCR's addresses on the interface, with prefix length (169.254.100.1/30).</summary>
        public string[] IpAddress { get; internal set; } = Array.Empty<string>();
        public McrStaticRoute[] StaticRoute { get; internal set; } = Array.Empty<McrStaticRoute>();
        public string[] NatIpAddress { get; internal set; } = Array.Empty<string>();
        /// <summary>BFD timers; null when BFD is not set up.</summary>
        public int? BfdTransmitInterval { get; internal set; }
        public int? BfdReceiveInterval { get; internal set; }
        public int? BfdMultiplier { get; internal set; }
        /// <summary>Inner VLAN of the interface, when it has one.</summary>
        public int? Vlan { get; internal set; }
        public BgpPeerConfig[] BgpPeer { get; internal set; } = Array.Empty<BgpPeerConfig>();
        /// <summary>A NAT gateway end only: the packet filter (its description or id) for packets coming in over the VXC.</summary>
        public string? PacketFilterIn { get; internal set; }
        /// <summary>A NAT gateway end only: the packet filter for packets going out over the VXC.</summary>
        public string? PacketFilterOut { get; internal set; }

        public override string ToString() => $"{string.Join(", ", IpAddress)} ({BgpPeer.Length} BGP peer{(BgpPeer.Length == 1 ? "" : "s")})" +
            (PacketFilterIn != null ? $", filter in '{PacketFilterIn}'" : "") + (PacketFilterOut != null ? $", filter out '{PacketFilterOut}'" : "");
    }

    /// <summary>A static route on an MCR interface.</summary>
    public sealed class McrStaticRoute
    {
        public string Prefix { get; internal set; } = "";
        public string NextHop { get; internal set; } = "";
        public string? Description { get; internal set; }

        public override string ToString() => $"{Prefix} via {NextHop}";
    }

    /// <summary>A BGP session on an MCR interface (New-MegaportBgpPeerConfig).</summary>
    public sealed class BgpPeerConfig
    {
        public long PeerAsn { get; internal set; }
        public long? LocalAsn { get; internal set; }
        public string LocalIpAddress { get; internal set; } = "";
        public string PeerIpAddress { get; internal set; } = "";
        /// <summary>The BGP password, kept as a SecureString; never shown.</summary>
        public SecureString? Password { get; internal set; }
        public bool Shutdown { get; internal set; }
        public string? Description { get; internal set; }
        public int? MedIn { get; internal set; }
        public int? MedOut { get; internal set; }
        public bool BfdEnabled { get; internal set; }
        /// <summary>permit or deny: what is exported to peers not named in PermitExportTo/DenyExportTo.</summary>
        public string? ExportPolicy { get; internal set; }
        public string[] PermitExportTo { get; internal set; } = Array.Empty<string>();
        public string[] DenyExportTo { get; internal set; } = Array.Empty<string>();
        /// <summary>Prefix lists of the MCR or NAT gateway by description; the module looks their ids up when it orders.</summary>
        public string? ImportPrefixList { get; internal set; }
        public string? ImportDenyPrefixList { get; internal set; }
        public string? ExportPrefixList { get; internal set; }
        public string? ExportDenyPrefixList { get; internal set; }
        public int? AsPathPrependCount { get; internal set; }
        /// <summary>NON_CLOUD, PRIV_CLOUD or PUB_CLOUD.</summary>
        public string? PeerType { get; internal set; }
        public bool AsOverride { get; internal set; }

        public override string ToString() => $"AS{PeerAsn} {PeerIpAddress}";
    }

    /// <summary>One IPsec tunnel from an MCR (New-MegaportIpsecTunnelConfig).</summary>
    public sealed class IpsecTunnelConfig
    {
        /// <summary>The MCR's address for the tunnel, with prefix length; the module adds the interface that carries it.</summary>
        public string SourceIpAddress { get; internal set; } = "";
        public string DestinationIpAddress { get; internal set; } = "";
        /// <summary>The pre-shared key, kept as a SecureString; never shown.</summary>
        public SecureString PreSharedKey { get; internal set; } = new();
        /// <summary>Wait for the peer to start the tunnel (the API's default when not given: true).</summary>
        public bool? Passive { get; internal set; }
        public string? LocalId { get; internal set; }
        public string? RemoteId { get; internal set; }
        /// <summary>Seconds, 3600-604800 (the API's default 28800).</summary>
        public int? Phase1Lifetime { get; internal set; }
        /// <summary>Seconds, 600-86400 and below phase 1 (the API's default 3600).</summary>
        public int? Phase2Lifetime { get; internal set; }
        public string? Description { get; internal set; }

        public override string ToString() => $"{SourceIpAddress} -> {DestinationIpAddress}";
    }

    /// <summary>One IPsec tunnel configured on an MCR (Get-MegaportMcrIpsec). The pre-shared key is never read back.</summary>
    public sealed class McrIpsecTunnel
    {
        /// <summary>The MCR.</summary>
        public string ProductUid { get; internal set; } = "";
        public string? VxcUid { get; internal set; }
        public string? VxcName { get; internal set; }
        public string? Description { get; internal set; }
        public string? SourceIpAddress { get; internal set; }
        public string? DestinationIpAddress { get; internal set; }
        public string? LocalId { get; internal set; }
        public string? RemoteId { get; internal set; }
        public int? Vlan { get; internal set; }

        public override string ToString() => $"{SourceIpAddress} -> {DestinationIpAddress} ({VxcName})";
    }
}
