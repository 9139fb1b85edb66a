using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;
using Megaport.Transport;

// The parameters are most of this file: one parameter set per kind of B-End (a port, each cloud, the Internet, a
// service key). What they become is built in Ordering (PartnerConfigBuilder, VxcEndResolver).
namespace Megaport.Cmdlets
{
    /// <summary>
    /// New-MegaportVxc: orders a virtual cross connect from one of your ports, MCRs, MVEs or NAT gateways (the A-End) to another
    /// port, a cloud (AWS, Azure, Google, Oracle, IBM), Megaport Internet, or the port behind a service key.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MegaportVxc", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PortSet)]
    [OutputType(typeof(Vxc))]
    public sealed class NewMegaportVxcCommand : OrderCmdlet
    {
        const string PortSet = "Port";
        const string AwsSet = "Aws";
        const string AwsHcSet = "AwsHostedConnection";
        const string AzureSet = "Azure";
        const string GoogleSet = "Google";
        const string OracleSet = "Oracle";
        const string IbmSet = "Ibm";
        const string InternetSet = "Internet";
        const string ServiceKeySet = "ServiceKey";

        /// <summary>Your port, MCR, MVE or NAT gateway the VXC starts from (binds ProductUid from the pipeline).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProductUid", "PortUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string AEndProductUid { get; set; } = null!;

        /// <summary>The VXC's name, 1-64 characters.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        /// <summary>Rate limit in Mbps; at most the speed of either end.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public int RateLimit { get; set; }

        /// <summary>Contract term in months: 1 (default), 12, 24, 36, 48 or 60.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; } = 1;

        /// <summary>A-End VLAN: 0 (default) lets Megaport choose, -1 is untagged, otherwise 2-4093.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int AEndVlan { get; set; }

        /// <summary>B-End VLAN: 0 (default) lets Megaport choose, -1 is untagged, otherwise 2-4093.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int BEndVlan { get; set; }

        /// <summary>A-End inner VLAN (Q-in-Q or an MVE end).</summary>
        [Parameter]
        public int AEndInnerVlan { get; set; }

        /// <summary>The MVE vNIC the A-End uses, when the A-End is an MVE.</summary>
        [Parameter]
        [ValidateRange(0, 4)]
        public int AEndVnicIndex { get; set; }

        /// <summary>The B-End: another port of yours, or a partner port; takes a Megaport.PartnerPort or service object too.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PortSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = AwsSet, ValueFromPipeline = true)]
        [Parameter(Mandatory = true, ParameterSetName = AwsHcSet, ValueFromPipeline = true)]
        [Parameter(Mandatory = true, ParameterSetName = IbmSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = AzureSet)]
        [Parameter(ParameterSetName = GoogleSet)]
        [Parameter(ParameterSetName = OracleSet)]
        [Parameter(ParameterSetName = InternetSet)]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? BEndProductUid { get; set; }

        // ---- AWS ----
        [Parameter(Mandatory = true, ParameterSetName = AwsSet)]
        [Parameter(Mandatory = true, ParameterSetName = AwsHcSet)]
        [AllowEmptyString]
        public string AwsAccountId { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = AwsSet)]
        public long AwsAsn { get; set; }

        [Parameter(ParameterSetName = AwsSet)]
        [ValidateSet("Private", "Public", "Transit", IgnoreCase = true)]
        public string AwsConnectionType { get; set; } = "Private";

        [Parameter(ParameterSetName = AwsSet)]
        public long AmazonAsn { get; set; }

        [Parameter(ParameterSetName = AwsSet)]
        public string? AwsAuthKey { get; set; }

        /// <summary>Prefixes to advertise (public VIFs).</summary>
        [Parameter(ParameterSetName = AwsSet)]
        public string[]? AwsPrefixes { get; set; }

        [Parameter(ParameterSetName = AwsSet)]
        public string? CustomerIpAddress { get; set; }

        [Parameter(ParameterSetName = AwsSet)]
        public string? AmazonIpAddress { get; set; }

        [Parameter(ParameterSetName = AwsSet)]
        [Parameter(ParameterSetName = AwsHcSet)]
        public string? AwsConnectionName { get; set; }

        /// <summary>Order an AWS hosted connection (AWSHC) instead of a hosted VIF.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AwsHcSet)]
        public SwitchParameter AwsHostedConnection { get; set; }

        // ---- Azure ----
        /// <summary>The ExpressRoute circuit's service key; the B-End port is looked up from it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AzureSet)]
        [AllowEmptyString]
        public string AzureServiceKey { get; set; } = null!;

        [Parameter(ParameterSetName = AzureSet)]
        [ValidateSet("Primary", "Secondary", IgnoreCase = true)]
        public string AzurePortChoice { get; set; } = "Primary";

        /// <summary>Peerings to configure: hashtables or objects with Type (private|microsoft), PeerAsn, PrimarySubnet, SecondarySubnet, Prefixes, SharedKey, Vlan.</summary>
        [Parameter(ParameterSetName = AzureSet)]
        [DictionaryTransformation]
        public IDictionary[]? AzurePeering { get; set; }

        // ---- Google, Oracle ----
        [Parameter(Mandatory = true, ParameterSetName = GoogleSet)]
        [AllowEmptyString]
        public string GooglePairingKey { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = OracleSet)]
        [AllowEmptyString]
        public string OracleVirtualCircuitId { get; set; } = null!;

        // ---- IBM ----
        [Parameter(Mandatory = true, ParameterSetName = IbmSet)]
        [AllowEmptyString]
        public string IbmAccountId { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = IbmSet)]
        public long IbmCustomerAsn { get; set; }

        [Parameter(ParameterSetName = IbmSet)]
        public string? IbmName { get; set; }

        [Parameter(ParameterSetName = IbmSet)]
        public string? IbmCustomerIpAddress { get; set; }

        [Parameter(ParameterSetName = IbmSet)]
        public string? IbmProviderIpAddress { get; set; }

        // ---- Internet, service key ----
        /// <summary>Megaport Internet (connectType TRANSIT); the B-End is a Megaport Internet port at or near the A-End.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InternetSet)]
        public SwitchParameter Internet { get; set; }

        /// <summary>A service key from another Megaport customer; the VXC lands on the key's port.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServiceKeySet)]
        [AllowEmptyString]
        public string ServiceKey { get; set; } = null!;

        // ---- MCR or NAT gateway A-End (vRouter interface and BGP session for the VXC) ----
        /// <summary>The MCR's address(es) on this VXC, with prefix length (e.g. 169.254.100.1/30).</summary>
        [Parameter]
        public string[]? McrIpAddress { get; set; }

        /// <summary>The BGP neighbour's address (e.g. the cloud side of the /30).</summary>
        [Parameter]
        public string? McrPeerIpAddress { get; set; }

        /// <summary>The BGP neighbour's ASN (e.g. 64512 for AWS, 12076 for Azure).</summary>
        [Parameter]
        public long McrPeerAsn { get; set; }

        [Parameter]
        public string? McrBgpPassword { get; set; }

        /// <summary>Turn on BFD for the BGP session (300 ms intervals, multiplier 3).</summary>
        [Parameter]
        public SwitchParameter McrBfd { get; set; }

        /// <summary>
        /// The A-End MCR's or NAT gateway's interfaces on this VXC, in full (New-MegaportMcrInterfaceConfig); instead of
        /// the -Mcr* shortcut. A NAT gateway's take its packet filters; they refuse NAT addresses.
        /// </summary>
        [Parameter]
        [McrConfigTransformation(typeof(McrInterfaceConfig))]
        public McrInterfaceConfig[]? AEndInterface { get; set; }

        /// <summary>The B-End MCR's interfaces, when the B-End is one of your MCRs.</summary>
        [Parameter(ParameterSetName = PortSet)]
        [McrConfigTransformation(typeof(McrInterfaceConfig))]
        public McrInterfaceConfig[]? BEndInterface { get; set; }

        /// <summary>IPsec tunnels from the A-End MCR over Megaport Internet (New-MegaportIpsecTunnelConfig); needs the MCR's IPsec add-on.</summary>
        [Parameter(ParameterSetName = InternetSet)]
        [McrConfigTransformation(typeof(IpsecTunnelConfig))]
        public IpsecTunnelConfig[]? IpsecTunnel { get; set; }

        // ---- common ----
        [Parameter]
        public string? CostCentre { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        /// <summary>Resource tags as key = value: a hashtable, an ordered dictionary or an object with properties.</summary>
        [Parameter]
        [DictionaryTransformation]
        public IDictionary? Tag { get; set; }

        VxcEndResolver? _resolver;

        VxcEndResolver Resolver => _resolver ??= new VxcEndResolver(CurrentSession, Api);

        protected override void ProcessItem()
        {
            Check.Name(Name);
            Check.RateLimit(RateLimit);
            Check.Term(Term);
            Check.Vlan(AEndVlan, nameof(AEndVlan));
            Check.Vlan(BEndVlan, nameof(BEndVlan));
            Check.InnerVlan(AEndInnerVlan, nameof(AEndInnerVlan));
            Check.CostCentre(CostCentre);
            Check.Text(PromoCode, nameof(PromoCode));
            var tags = Tags.Of(Tag);
            Check.Uid(AEndProductUid, nameof(AEndProductUid));
            if (BEndProductUid != null) Check.Uid(BEndProductUid, nameof(BEndProductUid));
            var partnerConfig = PartnerConfig(); // checks the cloud fields before any request
            var (aInterfaces, aParameters) = AEndInterfaces();

            var resolver = Resolver;
            var routers = _routers ??= new VRouterEnds(Api);
            var (aEnd, bEnd, aConfig, bConfig) = Run(async ctx =>
            {
                var a = await resolver.OwnEndAsync(AEndProductUid, "A-End", ctx).ConfigureAwait(false);
                var aSpeed = Products.Products.Of(a).VxcEndSpeed(a);
                if (aSpeed > 0 && RateLimit > aSpeed)
                    throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the A-End '{a.Name}' can carry ({aSpeed} Mbps).", RateLimit);
                if (Products.Products.Of(a).VRouter is { OrderedVlan: false } && (AEndVlan != 0 || AEndInnerVlan != 0))
                    throw MegaportException.InvalidArgument(
                        $"The A-End '{a.Name}' is a {Products.Products.Of(a).Noun}: Megaport allocates its VLAN, so leave out -AEndVlan and -AEndInnerVlan.", AEndVlan != 0 ? AEndVlan : AEndInnerVlan);
                // The A-End's own side first: what it refuses needs no more reads.
                var aRouter = IpsecTunnel is { Length: > 0 } ? await routers.TunnelsAsync(a, IpsecTunnel, ctx).ConfigureAwait(false)
                    : aInterfaces != null ? await routers.InterfacesAsync(a, "A-End", aParameters, aInterfaces, ctx).ConfigureAwait(false)
                    : null;
                var b = await ResolveBEndAsync(resolver, a, partnerConfig, ctx).ConfigureAwait(false);
                if (string.Equals(b.ProductUid, a.ProductUid, StringComparison.OrdinalIgnoreCase))
                    throw MegaportException.InvalidArgument($"The A-End and the B-End are both '{a.Name}'; give the B-End with -BEndProductUid.", b.ProductUid);
                if (b.Speed > 0 && RateLimit > b.Speed)
                    throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the B-End '{b.Name}' accepts ({b.Speed} Mbps).", RateLimit);
                var bRouter = BEndInterface is { Length: > 0 }
                    ? await routers.InterfacesAsync(await resolver.OwnEndAsync(b.ProductUid!, "B-End", ctx).ConfigureAwait(false), "B-End", "-BEndInterface", BEndInterface, ctx).ConfigureAwait(false)
                    : null;
                return (a, b, aRouter, bRouter);
            });

            var detail = new VxcOrderDetail
            {
                Name = Name,
                RateLimit = RateLimit,
                Term = Term,
                Shutdown = false,
                PromoCode = string.IsNullOrEmpty(PromoCode) ? null : PromoCode,
                ServiceKey = ParameterSetName == ServiceKeySet ? ServiceKey : null,
                CostCentre = string.IsNullOrEmpty(CostCentre) ? null : CostCentre,
                AEnd = new VxcOrderEnd
                {
                    Vlan = VlanOrNull(AEndVlan),
                    InnerVlan = VlanOrNull(AEndInnerVlan),
                    VNicIndex = aEnd is Mve ? AEndVnicIndex : null,
                    PartnerConfig = aConfig,
                },
                BEnd = new VxcOrderEnd { ProductUid = bEnd.ProductUid, Vlan = VlanOrNull(BEndVlan), PartnerConfig = (PartnerConfig?)bConfig ?? partnerConfig },
                Tags = tags,
            };
            var kind = partnerConfig?.ConnectType is string ct ? ct + " " : "";
            Order(new OrderItem(Products.Products.Vxc, Name, new VxcOrder(aEnd.ProductUid, detail),
                $"{kind}VXC '{Name}' ({RateLimit} Mbps) from {aEnd.Name}{VlanText(AEndVlan)} to {bEnd.Name}{VlanText(BEndVlan)}, {OrderItem.Months(Term)}"));
        }

        /// <summary>0 lets Megaport choose: not sent.</summary>
        static int? VlanOrNull(int vlan) => vlan != 0 ? vlan : null;

        static string VlanText(int vlan) => vlan switch { 0 => "", -1 => " (untagged)", _ => $" (VLAN {vlan})" };

        bool GivenAny(params string[] names) => names.Any(Given);

        VRouterEnds? _routers;

        /// <summary>The -Mcr* shortcut: one interface with one BGP session.</summary>
        bool WantsShortcut => GivenAny(nameof(McrIpAddress), nameof(McrPeerIpAddress), nameof(McrPeerAsn), nameof(McrBgpPassword), nameof(McrBfd));

        /// <summary>The A-End MCR's interfaces, from -AEndInterface or the -Mcr* shortcut (one of them at most; none with -IpsecTunnel).</summary>
        (McrInterfaceConfig[]? Interfaces, string Parameters) AEndInterfaces()
        {
            var given = new[] { (AEndInterface is { Length: > 0 }, "-AEndInterface"), (WantsShortcut, "-Mcr*"), (IpsecTunnel is { Length: > 0 }, "-IpsecTunnel") }
                .Where(g => g.Item1).Select(g => g.Item2).ToList();
            if (given.Count > 1)
                throw MegaportException.InvalidArgument($"Give the MCR side once: {string.Join(" or ", given)}, not both.", null);
            if (WantsShortcut)
                return (new[] { PartnerConfigBuilder.VRouterShortcut(McrIpAddress, Given(nameof(McrPeerIpAddress)) ? McrPeerIpAddress ?? "" : null,
                    Given(nameof(McrPeerAsn)) ? McrPeerAsn : null, Given(nameof(McrBgpPassword)) ? McrBgpPassword ?? "" : null, McrBfd) }, "-Mcr*");
            return (AEndInterface is { Length: > 0 } ? AEndInterface : null, "-AEndInterface");
        }

        Task<VxcEndTarget> ResolveBEndAsync(VxcEndResolver resolver, Service aEnd, PartnerConfig? partnerConfig, CallContext ctx) => ParameterSetName switch
        {
            AzureSet => resolver.CloudKeyAsync(CloudKeyKind.Azure, AzureServiceKey, BEndProductUid, p => string.Equals(p.Type, AzurePortChoice, StringComparison.OrdinalIgnoreCase), ctx),
            GoogleSet => resolver.CloudKeyAsync(CloudKeyKind.Google, GooglePairingKey, BEndProductUid, p => p.PortSpeed == 0 || p.PortSpeed >= RateLimit, ctx),
            OracleSet => resolver.CloudKeyAsync(CloudKeyKind.Oracle, OracleVirtualCircuitId, BEndProductUid, p => p.PortSpeed == 0 || p.PortSpeed >= RateLimit, ctx),
            ServiceKeySet => Task.FromResult(VxcEndResolver.ServiceKeyEnd(ServiceKey)),
            InternetSet when BEndProductUid == null => resolver.InternetNearAsync(aEnd, ctx),
            // A port of yours or a partner's; for AWS, IBM and Internet orders it must be that cloud's port.
            PortSet or AwsSet or AwsHcSet or IbmSet or InternetSet => resolver.PortAsync(BEndProductUid!, partnerConfig?.ConnectType, ctx),
            _ => throw new InvalidOperationException("Unknown parameter set " + ParameterSetName),
        };

        /// <summary>The B-End partnerConfig for the cloud the parameter set names, with its fields checked first.</summary>
        PartnerConfig? PartnerConfig() => ParameterSetName switch
        {
            AwsSet => PartnerConfigBuilder.Aws(AwsAccountId, AwsAsn, AwsConnectionType, Given(nameof(AmazonAsn)) ? AmazonAsn : null, AwsAuthKey,
                AwsPrefixes, CustomerIpAddress, AmazonIpAddress, AwsConnectionName),
            AwsHcSet => PartnerConfigBuilder.AwsHostedConnection(AwsAccountId, AwsConnectionName),
            AzureSet => PartnerConfigBuilder.Azure(AzureServiceKey, AzurePeering),
            GoogleSet => PartnerConfigBuilder.Google(GooglePairingKey),
            OracleSet => PartnerConfigBuilder.Oracle(OracleVirtualCircuitId),
            IbmSet => PartnerConfigBuilder.Ibm(IbmAccountId, IbmCustomerAsn, IbmName, IbmCustomerIpAddress, IbmProviderIpAddress),
            InternetSet => PartnerConfigBuilder.Internet(),
            ServiceKeySet => CheckServiceKey(),
            PortSet => null,
            _ => throw new InvalidOperationException("Unknown parameter set " + ParameterSetName),
        };

        PartnerConfig? CheckServiceKey()
        {
            Check.CloudKey(ServiceKey, nameof(ServiceKey));
            return null;
        }
    }
}
