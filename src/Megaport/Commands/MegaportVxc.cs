using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;
using Megaport.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Megaport.Commands
{
    /// <summary>
    /// New-MegaportVxc: orders a virtual cross connect from one of your ports, MCRs or MVEs (the A-End) to another
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

        /// <summary>Your port, MCR or MVE the VXC starts from (binds ProductUid from the pipeline).</summary>
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

        /// <summary>Peerings to configure: hashtables with Type (private|microsoft), PeerAsn, PrimarySubnet, SecondarySubnet, Prefixes, SharedKey, Vlan.</summary>
        [Parameter(ParameterSetName = AzureSet)]
        public Hashtable[]? AzurePeering { get; set; }

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

        // ---- MCR A-End (vRouter interface and BGP session for the VXC) ----
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

        // ---- common ----
        [Parameter]
        public string? CostCentre { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        // A-End and B-End lookups are shared by every order in the pipeline (bulk orders read each end once).
        readonly Dictionary<string, Service> _services = new(StringComparer.OrdinalIgnoreCase);

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
            OrderBuilder.Tags(Tag);
            Check.Uid(AEndProductUid, nameof(AEndProductUid));
            if (BEndProductUid != null) Check.Uid(BEndProductUid, nameof(BEndProductUid));
            var partnerConfig = PartnerConfig(); // checks the cloud fields before any request
            CheckVRouterInput();

            var aEnd = ReadOwnEnd(AEndProductUid, "A-End");
            var aSpeed = SpeedOf(aEnd);
            if (aSpeed > 0 && RateLimit > aSpeed)
                throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the A-End '{aEnd.Name}' can carry ({aSpeed} Mbps).", RateLimit);

            var (bEndUid, bEndName, bEndSpeed) = ResolveBEnd(aEnd);
            if (string.Equals(bEndUid, aEnd.ProductUid, StringComparison.OrdinalIgnoreCase))
                throw MegaportException.InvalidArgument($"The A-End and the B-End are both '{aEnd.Name}'; give the B-End with -BEndProductUid.", bEndUid);
            if (bEndSpeed > 0 && RateLimit > bEndSpeed)
                throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the B-End '{bEndName}' accepts ({bEndSpeed} Mbps).", RateLimit);

            var aSpec = new VxcEndSpec { Vlan = AEndVlan, InnerVlan = AEndInnerVlan, VNicIndex = aEnd is Mve ? AEndVnicIndex : null, PartnerConfig = VRouterConfig(aEnd) };
            var bSpec = new VxcEndSpec { ProductUid = bEndUid, Vlan = BEndVlan, PartnerConfig = partnerConfig };
            Order(OrderBuilder.Vxc(aEnd.ProductUid, aEnd.Name, Name, RateLimit, Term, false, aSpec, bSpec, bEndName,
                ParameterSetName == ServiceKeySet ? ServiceKey : null, CostCentre, PromoCode, Tag));
        }

        bool GivenAny(params string[] names) => names.Any(n => MyInvocation.BoundParameters.ContainsKey(n));

        /// <summary>The MCR side of the VXC: one interface with its addresses, BFD and one BGP session (research §3.5, MCR A-End).</summary>
        bool WantsVRouter => GivenAny(nameof(McrIpAddress), nameof(McrPeerIpAddress), nameof(McrPeerAsn), nameof(McrBgpPassword), nameof(McrBfd));
        bool WantsBgp => GivenAny(nameof(McrPeerAsn), nameof(McrPeerIpAddress), nameof(McrBgpPassword));

        /// <summary>The -Mcr* values, checked before any request.</summary>
        void CheckVRouterInput()
        {
            if (!WantsVRouter) return;
            if (McrIpAddress is not { Length: > 0 })
                throw MegaportException.InvalidArgument("-McrIpAddress is needed to configure the MCR side (e.g. 169.254.100.1/30).", null);
            foreach (var ip in McrIpAddress) Check.Cidr(ip, nameof(McrIpAddress));
            if (!WantsBgp) return;
            Check.Asn(McrPeerAsn, nameof(McrPeerAsn));
            if (McrPeerIpAddress == null || !System.Net.IPAddress.TryParse(McrPeerIpAddress, out _))
                throw MegaportException.InvalidArgument($"-McrPeerIpAddress '{McrPeerIpAddress}' is not an IP address.", McrPeerIpAddress);
            Check.Text(McrBgpPassword, nameof(McrBgpPassword));
        }

        JObject? VRouterConfig(Service aEnd)
        {
            if (!WantsVRouter) return null;
            if (aEnd is not Mcr)
                throw MegaportException.InvalidArgument($"The -Mcr* parameters configure an MCR A-End; '{aEnd.Name}' is a {aEnd.ProductType}.", aEnd.ProductUid);
            var iface = new JObject { ["ipAddresses"] = new JArray(McrIpAddress!) };
            if (McrBfd) iface["bfd"] = new JObject { ["txInterval"] = 300, ["rxInterval"] = 300, ["multiplier"] = 3 };
            if (WantsBgp)
            {
                var bgp = new JObject
                {
                    ["peerAsn"] = McrPeerAsn,
                    ["localIpAddress"] = McrIpAddress![0].Split('/')[0],
                    ["peerIpAddress"] = McrPeerIpAddress,
                    ["shutdown"] = false,
                    ["bfdEnabled"] = McrBfd.IsPresent,
                };
                if (!string.IsNullOrEmpty(McrBgpPassword)) bgp["password"] = McrBgpPassword;
                iface["bgpConnections"] = new JArray(bgp);
            }
            return new JObject { ["interfaces"] = new JArray(iface) };
        }

        static int SpeedOf(Service s) => s switch { Port p => p.Speed, Mcr m => m.Speed, _ => 0 };

        Service Lookup(string uid)
        {
            if (_services.TryGetValue(uid, out var cached)) return cached;
            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(uid, ctx));
            return _services[uid] = service;
        }

        /// <summary>An end that must be one of your own active ports, MCRs or MVEs.</summary>
        Service ReadOwnEnd(string uid, string what)
        {
            Service service;
            try { service = Lookup(uid); }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                throw MegaportException.InvalidArgument($"The {what} {uid} is not a port, MCR or MVE on this account.", uid);
            }
            if (service is not (Port or Mcr or Mve))
                throw MegaportException.InvalidArgument($"The {what} '{service.Name}' ({uid}) is a {service.ProductType}; a VXC starts from a port, MCR or MVE.", uid);
            if (service.IsInactive || service.ProvisioningStatus == "FAILED")
                throw MegaportException.InvalidArgument($"The {what} '{service.Name}' ({uid}) is {service.ProvisioningStatus}.", uid);
            return service;
        }

        (string? Uid, string Name, int Speed) ResolveBEnd(Service aEnd)
        {
            switch (ParameterSetName)
            {
                case AzureSet:
                    return FromCloudKey("azure", AzureServiceKey, p => string.Equals(p.Type, AzurePortChoice, StringComparison.OrdinalIgnoreCase));
                case GoogleSet:
                    return FromCloudKey("google", GooglePairingKey, p => p.PortSpeed == 0 || p.PortSpeed >= RateLimit);
                case OracleSet:
                    return FromCloudKey("oracle", OracleVirtualCircuitId, p => p.PortSpeed == 0 || p.PortSpeed >= RateLimit);
                case ServiceKeySet:
                    return (null, $"the port of service key {ServiceKey}", 0);
                case InternetSet when BEndProductUid == null:
                    return InternetPortNear(aEnd);
            }
            var uid = BEndProductUid!;
            var partner = PartnerPorts().FirstOrDefault(p => string.Equals(p.ProductUid, uid, StringComparison.OrdinalIgnoreCase));
            var wanted = ParameterSetName switch { AwsSet => "AWS", AwsHcSet => "AWSHC", IbmSet => "IBM", InternetSet => "TRANSIT", _ => null };
            if (partner != null)
            {
                if (!partner.VxcPermitted)
                    throw MegaportException.InvalidArgument($"The B-End '{partner.Name}' ({uid}) does not accept new VXCs (vxcPermitted is false).", uid);
                if (wanted != null && !string.Equals(partner.ConnectType, wanted, StringComparison.OrdinalIgnoreCase))
                    throw MegaportException.InvalidArgument($"The B-End '{partner.Name}' is a {partner.ConnectType} port, not {wanted}." +
                        (partner.ConnectType == "AWSHC" ? " Use -AwsHostedConnection for it." : partner.ConnectType == "AWS" && wanted == "AWSHC" ? " Leave out -AwsHostedConnection for it." : ""), uid);
                if (wanted == null && partner.ConnectType is string ct && ct != "DEFAULT")
                    throw MegaportException.InvalidArgument($"The B-End '{partner.Name}' is a {ct} port: give its cloud details ({CloudHint(ct)}).", uid);
                return (partner.ProductUid, partner.Name, partner.MaxVxcSpeed > 0 ? partner.MaxVxcSpeed : partner.Speed);
            }
            if (wanted != null)
                throw MegaportException.InvalidArgument($"The B-End {uid} is not a {wanted} partner port; Get-MegaportPartnerPort -ConnectType {wanted} lists them.", uid);
            var own = ReadOwnEnd(uid, "B-End");
            return (own.ProductUid, own.Name, SpeedOf(own));
        }

        static string CloudHint(string connectType) => connectType switch
        {
            "AWS" => "-AwsAccountId and -AwsAsn",
            "AWSHC" => "-AwsHostedConnection and -AwsAccountId",
            "AZURE" => "-AzureServiceKey",
            "GOOGLE" => "-GooglePairingKey",
            "ORACLE" => "-OracleVirtualCircuitId",
            "IBM" => "-IbmAccountId and -IbmCustomerAsn",
            "TRANSIT" => "-Internet",
            _ => "the partner's parameters",
        };

        IReadOnlyList<PartnerPort>? _partners;

        /// <summary>The partner ports, read once per command (bulk orders ask for every item).</summary>
        IReadOnlyList<PartnerPort> PartnerPorts()
        {
            if (_partners != null) return _partners;
            var session = CurrentSession;
            var api = Api;
            return _partners = Run(ctx => SessionCache.PartnerPortsAsync(session, api, false, ctx));
        }

        /// <summary>The port a cloud key lands on (pinned with -BEndProductUid, or picked as the research notes describe).</summary>
        (string? Uid, string Name, int Speed) FromCloudKey(string partner, string key, Func<CspPort, bool> pick)
        {
            var api = Api;
            var ports = Run(ctx => api.LookupCspPortsAsync(partner, key, ctx));
            CspPort? port = BEndProductUid != null
                ? ports.FirstOrDefault(p => string.Equals(p.ProductUid, BEndProductUid, StringComparison.OrdinalIgnoreCase))
                  ?? throw MegaportException.InvalidArgument($"-BEndProductUid {BEndProductUid} is not one of the ports {partner} key {key} can use ({string.Join(", ", ports.Select(p => p.ProductUid))}).", BEndProductUid)
                : ports.FirstOrDefault(pick) ?? ports.FirstOrDefault();
            if (port == null)
                throw new MegaportException(ErrorIds.ValidationFailed, ErrorCategory.InvalidArgument, $"Megaport found no port for {partner} key {key}.", key);
            return (port.ProductUid, port.Name, port.PortSpeed);
        }

        /// <summary>A Megaport Internet (TRANSIT) port at the A-End's location, else in its metro.</summary>
        (string? Uid, string Name, int Speed) InternetPortNear(Service aEnd)
        {
            var transit = PartnerPorts().Where(p => p.VxcPermitted && p.ConnectType == "TRANSIT").ToList();
            var here = transit.FirstOrDefault(p => p.LocationId == aEnd.LocationId);
            if (here == null)
            {
                var session = CurrentSession;
                var api = Api;
                var locations = Run(ctx => SessionCache.LocationsAsync(session, api, false, ctx));
                var metro = locations.FirstOrDefault(l => l.Id == aEnd.LocationId)?.Metro;
                var inMetro = new HashSet<int>(locations.Where(l => l.Metro != null && l.Metro == metro).Select(l => l.Id));
                here = transit.FirstOrDefault(p => inMetro.Contains(p.LocationId));
            }
            if (here == null)
                throw MegaportException.InvalidArgument($"No Megaport Internet port is offered near '{aEnd.Name}'; pass one with -BEndProductUid (Get-MegaportPartnerPort -ConnectType TRANSIT).", aEnd.ProductUid);
            return (here.ProductUid, here.Name, here.MaxVxcSpeed > 0 ? here.MaxVxcSpeed : here.Speed);
        }

        /// <summary>The B-End partnerConfig for the chosen cloud, with its fields checked first.</summary>
        JObject? PartnerConfig()
        {
            switch (ParameterSetName)
            {
                case AwsSet:
                    Check.AwsAccountId(AwsAccountId);
                    Check.Asn(AwsAsn, nameof(AwsAsn));
                    if (MyInvocation.BoundParameters.ContainsKey(nameof(AmazonAsn))) Check.Asn(AmazonAsn, nameof(AmazonAsn));
                    Check.Text(AwsAuthKey, nameof(AwsAuthKey));
                    Check.Cidr(CustomerIpAddress, nameof(CustomerIpAddress));
                    Check.Cidr(AmazonIpAddress, nameof(AmazonIpAddress));
                    Check.Text(AwsConnectionName, nameof(AwsConnectionName));
                    var aws = new JObject
                    {
                        ["connectType"] = "AWS",
                        ["type"] = AwsConnectionType.ToLowerInvariant(),
                        ["ownerAccount"] = AwsAccountId,
                        ["asn"] = AwsAsn,
                    };
                    if (AmazonAsn > 0) aws["amazonAsn"] = AmazonAsn;
                    if (!string.IsNullOrEmpty(AwsAuthKey)) aws["authKey"] = AwsAuthKey;
                    if (AwsPrefixes is { Length: > 0 })
                    {
                        foreach (var prefix in AwsPrefixes) Check.Cidr(prefix, nameof(AwsPrefixes));
                        aws["prefixes"] = string.Join(",", AwsPrefixes);
                    }
                    if (CustomerIpAddress != null) aws["customerIpAddress"] = CustomerIpAddress;
                    if (AmazonIpAddress != null) aws["amazonIpAddress"] = AmazonIpAddress;
                    if (!string.IsNullOrEmpty(AwsConnectionName)) aws["name"] = AwsConnectionName;
                    return aws;
                case AwsHcSet:
                    Check.AwsAccountId(AwsAccountId);
                    Check.Text(AwsConnectionName, nameof(AwsConnectionName));
                    var hc = new JObject { ["connectType"] = "AWSHC", ["ownerAccount"] = AwsAccountId };
                    if (!string.IsNullOrEmpty(AwsConnectionName)) hc["name"] = AwsConnectionName;
                    return hc;
                case AzureSet:
                    CheckKey(AzureServiceKey, nameof(AzureServiceKey));
                    var azure = new JObject { ["connectType"] = "AZURE", ["serviceKey"] = AzureServiceKey };
                    if (AzurePeering is { Length: > 0 }) azure["peers"] = new JArray(AzurePeering.Select(AzurePeer));
                    return azure;
                case GoogleSet:
                    CheckKey(GooglePairingKey, nameof(GooglePairingKey));
                    return new JObject { ["connectType"] = "GOOGLE", ["pairingKey"] = GooglePairingKey };
                case OracleSet:
                    CheckKey(OracleVirtualCircuitId, nameof(OracleVirtualCircuitId));
                    return new JObject { ["connectType"] = "ORACLE", ["virtualCircuitId"] = OracleVirtualCircuitId };
                case IbmSet:
                    Check.IbmAccountId(IbmAccountId);
                    Check.IbmAsn(IbmCustomerAsn);
                    if (IbmName != null) Check.IbmName(IbmName);
                    Check.Cidr(IbmCustomerIpAddress, nameof(IbmCustomerIpAddress));
                    Check.Cidr(IbmProviderIpAddress, nameof(IbmProviderIpAddress));
                    var ibm = new JObject
                    {
                        ["connectType"] = "IBM",
                        ["account_id"] = IbmAccountId,
                        ["customer_asn"] = IbmCustomerAsn,
                        ["name"] = IbmName ?? "MEGAPORT",
                    };
                    if (IbmCustomerIpAddress != null) ibm["customer_ip_address"] = IbmCustomerIpAddress;
                    if (IbmProviderIpAddress != null) ibm["provider_ip_address"] = IbmProviderIpAddress;
                    return ibm;
                case InternetSet:
                    return new JObject { ["connectType"] = "TRANSIT" };
                case ServiceKeySet:
                    CheckKey(ServiceKey, nameof(ServiceKey));
                    return null;
                default:
                    return null;
            }
        }

        static void CheckKey(string key, string what)
        {
            if (string.IsNullOrWhiteSpace(key)) throw MegaportException.InvalidArgument($"-{what} must not be empty.", key);
            Check.Text(key, what, 255);
            if (key.Any(char.IsWhiteSpace) || key.IndexOfAny(new[] { '*', '?', '[', ']' }) >= 0)
                throw MegaportException.InvalidArgument($"-{what} '{key}' contains characters no cloud key has.", key);
        }

        static JObject AzurePeer(Hashtable peer)
        {
            object? Get(string key) => peer.ContainsKey(key) ? OrderBuilder.Unwrap(peer[key]) : null;
            string? Text(string key) => Get(key) is object o ? Convert.ToString(o, CultureInfo.InvariantCulture) : null;
            var type = Text("Type") ?? "private";
            if (!new[] { "private", "microsoft" }.Contains(type.ToLowerInvariant()))
                throw MegaportException.InvalidArgument($"Azure peering type '{type}' must be private or microsoft.", peer);
            var o = new JObject { ["type"] = type.ToLowerInvariant() };
            if (Text("PeerAsn") is string asn)
            {
                if (!long.TryParse(asn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)) throw MegaportException.InvalidArgument($"Azure peering PeerAsn '{asn}' is not a number.", peer);
                Check.Asn(a, "AzurePeering PeerAsn");
                if (a == 65515) throw MegaportException.InvalidArgument("Azure reserves ASN 65515; use another PeerAsn.", peer);
                o["peer_asn"] = asn;
            }
            foreach (var (key, field) in new[] { ("PrimarySubnet", "primary_subnet"), ("SecondarySubnet", "secondary_subnet") })
                if (Text(key) is string subnet) { Check.Cidr(subnet, "AzurePeering " + key); o[field] = subnet; }
            if (Get("Prefixes") is object prefixes) o["prefixes"] = prefixes is IEnumerable e && prefixes is not string ? string.Join(",", e.Cast<object>()) : Text("Prefixes");
            if (Text("SharedKey") is string sharedKey) o["shared_key"] = sharedKey;
            if (Text("Vlan") is string vlan)
            {
                if (!int.TryParse(vlan, out var v)) throw MegaportException.InvalidArgument($"Azure peering Vlan '{vlan}' is not a number.", peer);
                Check.Vlan(v, "AzurePeering Vlan");
                o["vlan"] = v;
            }
            return o;
        }
    }

    /// <summary>
    /// Set-MegaportVxc: changes a VXC (name, rate limit, VLANs, term, shutdown, moving an end), or approves or
    /// rejects a VXC another company ordered to one of your ports.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MegaportVxc", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ChangeSet)]
    [OutputType(typeof(Vxc))]
    public sealed class SetMegaportVxcCommand : SetServiceCmdlet
    {
        const string ChangeSet = "Change";
        const string ApproveSet = "Approve";
        const string RejectSet = "Reject";

        [Parameter(ParameterSetName = ChangeSet)]
        [AllowEmptyString]
        public string? Name { get; set; }

        /// <summary>New rate limit in Mbps; at most the speed of either end.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        public int RateLimit { get; set; }

        /// <summary>New A-End VLAN: 2-4093, -1 untagged, 0 lets Megaport choose.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        public int AEndVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        public int BEndVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        public int AEndInnerVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        public int BEndInnerVlan { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter(ParameterSetName = ChangeSet)]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        /// <summary>Shut the VXC down ($true) or bring it back up ($false).</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        public bool Shutdown { get; set; }

        /// <summary>Move the A-End to another of your ports (not between MCRs or MVEs: the API refuses that).</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? AEndProductUid { get; set; }

        /// <summary>Move the B-End to another port.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? BEndProductUid { get; set; }

        /// <summary>Approve a VXC waiting for your approval.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApproveSet)]
        public SwitchParameter Approve { get; set; }

        /// <summary>Reject a VXC waiting for your approval.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RejectSet)]
        public SwitchParameter Reject { get; set; }

        internal override string Noun => "VXC";
        internal override bool Accepts(Service service) => service is Vxc;
        internal override bool WaitsAfterChange => ParameterSetName != RejectSet;

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(AEndVlan))) Check.Vlan(AEndVlan, nameof(AEndVlan));
            if (Given(nameof(BEndVlan))) Check.Vlan(BEndVlan, nameof(BEndVlan));
            if (Given(nameof(AEndInnerVlan))) Check.InnerVlan(AEndInnerVlan, nameof(AEndInnerVlan));
            if (Given(nameof(BEndInnerVlan))) Check.InnerVlan(BEndInnerVlan, nameof(BEndInnerVlan));
            if (Given(nameof(AEndProductUid))) Check.Uid(AEndProductUid, nameof(AEndProductUid));
            if (Given(nameof(BEndProductUid))) Check.Uid(BEndProductUid, nameof(BEndProductUid));
            if (Given(nameof(RateLimit))) Check.RateLimit(RateLimit);
        }

        internal override void Describe(Service current, Changes changes)
        {
            var vxc = (Vxc)current;
            if (ParameterSetName != ChangeSet)
            {
                if (!vxc.IsPendingApproval)
                    throw MegaportException.InvalidArgument($"VXC '{vxc.Name}' has no pending approval (approval status: {vxc.ApprovalStatus ?? "none"}).", vxc.ProductUid);
                changes.Add("isApproved", Approve.IsPresent, "Approval", vxc.ApprovalStatus, Approve ? "APPROVED" : "REJECTED");
                return;
            }
            AddName(current, changes, Name);
            AddCostCentre(current, changes, CostCentre);
            AddTerm(current, changes, Term);
            if (Given(nameof(Shutdown))) changes.Add("shutdown", Shutdown, "Shutdown", vxc.Shutdown, Shutdown);
            foreach (var (given, value, field, label, old) in new[]
            {
                (Given(nameof(AEndVlan)), AEndVlan, "aEndVlan", "AEndVlan", vxc.AEnd.Vlan),
                (Given(nameof(BEndVlan)), BEndVlan, "bEndVlan", "BEndVlan", vxc.BEnd.Vlan),
                (Given(nameof(AEndInnerVlan)), AEndInnerVlan, "aEndInnerVlan", "AEndInnerVlan", vxc.AEnd.InnerVlan),
                (Given(nameof(BEndInnerVlan)), BEndInnerVlan, "bEndInnerVlan", "BEndInnerVlan", vxc.BEnd.InnerVlan),
            })
            {
                if (given) changes.Add(field, value, label, old, value);
            }
            if (Given(nameof(AEndProductUid))) changes.Add("aEndProductUid", AEndProductUid, "A-End", vxc.AEnd.ProductUid, AEndProductUid);
            if (Given(nameof(BEndProductUid))) changes.Add("bEndProductUid", BEndProductUid, "B-End", vxc.BEnd.ProductUid, BEndProductUid);
            if (Given(nameof(RateLimit)))
            {
                CheckEndSpeed(AEndProductUid ?? vxc.AEnd.ProductUid, "A-End");
                CheckEndSpeed(BEndProductUid ?? vxc.BEnd.ProductUid, "B-End");
                changes.Add("rateLimit", RateLimit, "RateLimit", vxc.RateLimit, RateLimit);
            }
        }

        /// <summary>The new rate limit must fit the end's port or MCR (partner ports: their maximum VXC speed).</summary>
        void CheckEndSpeed(string? uid, string what)
        {
            if (uid == null) return;
            var session = CurrentSession;
            var api = Api;
            var partner = Run(ctx => SessionCache.PartnerPortsAsync(session, api, false, ctx))
                .FirstOrDefault(p => string.Equals(p.ProductUid, uid, StringComparison.OrdinalIgnoreCase));
            int speed;
            string name;
            if (partner != null)
            {
                speed = partner.MaxVxcSpeed > 0 ? partner.MaxVxcSpeed : partner.Speed;
                name = partner.Name;
            }
            else
            {
                Service end;
                try { end = Run(ctx => api.GetServiceAsync(uid, ctx)); }
                catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound) { return; } // another company's port: the API decides
                speed = end switch { Port p => p.Speed, Mcr m => m.Speed, _ => 0 };
                name = end.Name;
            }
            if (speed > 0 && RateLimit > speed)
                throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the {what} '{name}' can carry ({speed} Mbps).", RateLimit);
        }
    }
}
