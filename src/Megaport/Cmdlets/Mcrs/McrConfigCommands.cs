using System.Management.Automation;
using System.Security;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// New-MegaportMcrInterfaceConfig: one interface of an MCR's or a NAT gateway's end of a VXC, for
    /// New-/Set-MegaportVxc -AEndInterface/-BEndInterface.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MegaportMcrInterfaceConfig")]
    [OutputType(typeof(McrInterfaceConfig))]
    public sealed class NewMegaportMcrInterfaceConfigCommand : MegaportCmdlet
    {
        /// <summary>The MCR's addresses on the interface, with prefix length.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyCollection]
        public string[] IpAddress { get; set; } = null!;

        /// <summary>Static routes: hashtables with Prefix, NextHop and Description.</summary>
        [Parameter]
        [McrConfigTransformation(typeof(McrStaticRoute))]
        public McrStaticRoute[]? StaticRoute { get; set; }

        /// <summary>Addresses the MCR translates to (NAT).</summary>
        [Parameter]
        public string[]? NatIpAddress { get; set; }

        /// <summary>Turn BFD on with Megaport's defaults (300 ms, multiplier 3), unless the intervals are given.</summary>
        [Parameter]
        public SwitchParameter Bfd { get; set; }

        [Parameter]
        public int BfdTransmitInterval { get; set; }

        [Parameter]
        public int BfdReceiveInterval { get; set; }

        [Parameter]
        public int BfdMultiplier { get; set; }

        /// <summary>An inner VLAN for the interface.</summary>
        [Parameter]
        public int Vlan { get; set; }

        /// <summary>BGP sessions on the interface: from New-MegaportBgpPeerConfig, or hashtables with its parameter names.</summary>
        [Parameter]
        [McrConfigTransformation(typeof(BgpPeerConfig))]
        public BgpPeerConfig[]? BgpPeer { get; set; }

        /// <summary>A NAT gateway end only: the gateway's packet filter (description or id) for packets coming in over the VXC.</summary>
        [Parameter]
        public string? PacketFilterIn { get; set; }

        /// <summary>A NAT gateway end only: the gateway's packet filter (description or id) for packets going out over the VXC.</summary>
        [Parameter]
        public string? PacketFilterOut { get; set; }

        protected override void End()
        {
            bool Given(string p) => MyInvocation.BoundParameters.ContainsKey(p);
            var bfd = Bfd || Given(nameof(BfdTransmitInterval)) || Given(nameof(BfdReceiveInterval)) || Given(nameof(BfdMultiplier));
            WriteObject(McrConfigRules.Interface(IpAddress, StaticRoute, NatIpAddress,
                bfd ? (Given(nameof(BfdTransmitInterval)) ? BfdTransmitInterval : 300) : null,
                bfd ? (Given(nameof(BfdReceiveInterval)) ? BfdReceiveInterval : 300) : null,
                bfd ? (Given(nameof(BfdMultiplier)) ? BfdMultiplier : 3) : null,
                Given(nameof(Vlan)) ? Vlan : null, BgpPeer, PacketFilterIn, PacketFilterOut));
        }
    }

    /// <summary>New-MegaportBgpPeerConfig: one BGP session on an MCR interface (New-MegaportMcrInterfaceConfig -BgpPeer).</summary>
    [Cmdlet(VerbsCommon.New, "MegaportBgpPeerConfig")]
    [OutputType(typeof(BgpPeerConfig))]
    public sealed class NewMegaportBgpPeerConfigCommand : MegaportCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public long PeerAsn { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string PeerIpAddress { get; set; } = null!;

        /// <summary>The MCR's address for the session; default the interface's first address.</summary>
        [Parameter]
        public string? LocalIpAddress { get; set; }

        /// <summary>An ASN the MCR presents to this peer instead of its own.</summary>
        [Parameter]
        public long LocalAsn { get; set; }

        [Parameter]
        public SecureString? Password { get; set; }

        [Parameter]
        public SwitchParameter Shutdown { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public int MedIn { get; set; }

        [Parameter]
        public int MedOut { get; set; }

        [Parameter]
        public SwitchParameter BfdEnabled { get; set; }

        [Parameter]
        [ValidateSet("permit", "deny", IgnoreCase = true)]
        public string? ExportPolicy { get; set; }

        [Parameter]
        public string[]? PermitExportTo { get; set; }

        [Parameter]
        public string[]? DenyExportTo { get; set; }

        /// <summary>Accept only the routes this prefix list of the MCR permits (its description).</summary>
        [Parameter]
        public string? ImportPrefixList { get; set; }

        [Parameter]
        public string? ImportDenyPrefixList { get; set; }

        [Parameter]
        public string? ExportPrefixList { get; set; }

        [Parameter]
        public string? ExportDenyPrefixList { get; set; }

        [Parameter]
        public int AsPathPrependCount { get; set; }

        [Parameter]
        [ValidateSet("NON_CLOUD", "PRIV_CLOUD", "PUB_CLOUD", IgnoreCase = true)]
        public string? PeerType { get; set; }

        [Parameter]
        public SwitchParameter AsOverride { get; set; }

        protected override void End()
        {
            bool Given(string p) => MyInvocation.BoundParameters.ContainsKey(p);
            WriteObject(McrConfigRules.BgpPeer(PeerAsn, Given(nameof(LocalAsn)) ? LocalAsn : null, LocalIpAddress, PeerIpAddress, Password, Shutdown,
                Description, Given(nameof(MedIn)) ? MedIn : null, Given(nameof(MedOut)) ? MedOut : null, BfdEnabled, ExportPolicy, PermitExportTo,
                DenyExportTo, ImportPrefixList, ImportDenyPrefixList, ExportPrefixList, ExportDenyPrefixList,
                Given(nameof(AsPathPrependCount)) ? AsPathPrependCount : null, PeerType, AsOverride));
        }
    }

    /// <summary>New-MegaportIpsecTunnelConfig: one IPsec tunnel from an MCR, for New-MegaportVxc -Internet -IpsecTunnel.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportIpsecTunnelConfig")]
    [OutputType(typeof(IpsecTunnelConfig))]
    public sealed class NewMegaportIpsecTunnelConfigCommand : MegaportCmdlet
    {
        /// <summary>The MCR's address for the tunnel (192.0.2.1/30, or an address alone for /32).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string SourceIpAddress { get; set; } = null!;

        /// <summary>The peer's public address.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string DestinationIpAddress { get; set; } = null!;

        [Parameter(Mandatory = true)]
        public SecureString PreSharedKey { get; set; } = null!;

        /// <summary>Wait for the peer to start the tunnel ($true, the API's default) or start it ($false).</summary>
        [Parameter]
        public bool Passive { get; set; }

        [Parameter]
        public string? LocalId { get; set; }

        [Parameter]
        public string? RemoteId { get; set; }

        [Parameter]
        public int Phase1Lifetime { get; set; }

        [Parameter]
        public int Phase2Lifetime { get; set; }

        [Parameter]
        public string? Description { get; set; }

        protected override void End()
        {
            bool Given(string p) => MyInvocation.BoundParameters.ContainsKey(p);
            WriteObject(McrConfigRules.IpsecTunnel(SourceIpAddress, DestinationIpAddress, PreSharedKey, Given(nameof(Passive)) ? Passive : null,
                LocalId, RemoteId, Given(nameof(Phase1Lifetime)) ? Phase1Lifetime : null, Given(nameof(Phase2Lifetime)) ? Phase2Lifetime : null, Description));
        }
    }
}
