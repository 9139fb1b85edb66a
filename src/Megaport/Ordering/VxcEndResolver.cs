using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>Where a VXC end lands: the port's UID (null for a service key's port), its name and the most it carries (0 = no limit known).</summary>
    internal sealed class VxcEndTarget
    {
        public VxcEndTarget(string? productUid, string name, int speed) { ProductUid = productUid; Name = name; Speed = speed; }
        public string? ProductUid { get; }
        public string Name { get; }
        public int Speed { get; }
    }

    /// <summary>
    /// Resolves the ends of VXC orders and changes: your own ports, MCRs and MVEs, partner ports, the ports behind
    /// cloud keys, the Internet port near the A-End. One resolver serves a whole pipeline, so a bulk order reads
    /// each end and the partner port list once.
    /// </summary>
    internal sealed class VxcEndResolver
    {
        readonly Session _session;
        readonly MegaportApi _api;
        readonly Dictionary<string, Service> _services = new(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<PartnerPort>? _partners;

        public VxcEndResolver(Session session, MegaportApi api)
        {
            _session = session;
            _api = api;
        }

        async Task<Service> LookupAsync(string uid, CallContext ctx)
        {
            if (_services.TryGetValue(uid, out var cached)) return cached;
            var service = await _api.GetServiceAsync(uid, ctx).ConfigureAwait(false);
            return _services[uid] = service;
        }

        async Task<IReadOnlyList<PartnerPort>> PartnersAsync(CallContext ctx) =>
            _partners ??= await CatalogueCache.PartnerPortsAsync(_session, _api, false, ctx).ConfigureAwait(false);

        /// <summary>An end that must be one of your own active ports, MCRs or MVEs.</summary>
        public async Task<Service> OwnEndAsync(string uid, string what, CallContext ctx)
        {
            Service service;
            try { service = await LookupAsync(uid, ctx).ConfigureAwait(false); }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                throw MegaportException.InvalidArgument($"The {what} {uid} is not a port, MCR, MVE or NAT gateway on this account.", uid);
            }
            if (!Products.Products.Of(service).IsVxcEnd)
                throw MegaportException.InvalidArgument($"The {what} '{service.Name}' ({uid}) is a {service.ProductType}; a VXC starts from a port, MCR, MVE or NAT gateway.", uid);
            if (service.IsInactive || service.ProvisioningStatus == ProvisioningStatuses.Failed)
                throw MegaportException.InvalidArgument($"The {what} '{service.Name}' ({uid}) is {service.ProvisioningStatus}.", uid);
            return service;
        }

        /// <summary>
        /// A B-End given by UID: a partner port (of the connect type <paramref name="connectType"/> when the order
        /// names a cloud) or, when no cloud is named, one of your own ports, MCRs or MVEs.
        /// </summary>
        public async Task<VxcEndTarget> PortAsync(string uid, string? connectType, CallContext ctx)
        {
            var partner = (await PartnersAsync(ctx).ConfigureAwait(false)).FirstOrDefault(p => string.Equals(p.ProductUid, uid, StringComparison.OrdinalIgnoreCase));
            if (partner != null)
            {
                if (!partner.VxcPermitted)
                    throw MegaportException.InvalidArgument($"The B-End '{partner.Name}' ({uid}) does not accept new VXCs (vxcPermitted is false).", uid);
                if (connectType != null && !string.Equals(partner.ConnectType, connectType, StringComparison.OrdinalIgnoreCase))
                    throw MegaportException.InvalidArgument($"The B-End '{partner.Name}' is a {partner.ConnectType} port, not {connectType}." +
                        (partner.ConnectType == ConnectTypes.AwsHostedConnection ? " Use -AwsHostedConnection for it."
                            : partner.ConnectType == ConnectTypes.Aws && connectType == ConnectTypes.AwsHostedConnection ? " Leave out -AwsHostedConnection for it." : ""), uid);
                if (connectType == null && partner.ConnectType is string ct && ct != ConnectTypes.Marketplace)
                    throw MegaportException.InvalidArgument($"The B-End '{partner.Name}' is a {ct} port: give its cloud details ({CloudHint(ct)}).", uid);
                return new VxcEndTarget(partner.ProductUid, partner.Name, partner.VxcSpeedLimit);
            }
            if (connectType != null)
                throw MegaportException.InvalidArgument($"The B-End {uid} is not a {connectType} partner port; Get-MegaportPartnerPort -ConnectType {connectType} lists them.", uid);
            var own = await OwnEndAsync(uid, "B-End", ctx).ConfigureAwait(false);
            return new VxcEndTarget(own.ProductUid, own.Name, Products.Products.Of(own).VxcEndSpeed(own));
        }

        /// <summary>The parameters that name a cloud's details, for a hint; other connect types are marketplace partners.</summary>
        static string CloudHint(string connectType) => connectType switch
        {
            ConnectTypes.Aws => "-AwsAccountId and -AwsAsn",
            ConnectTypes.AwsHostedConnection => "-AwsHostedConnection and -AwsAccountId",
            ConnectTypes.Azure => "-AzureServiceKey",
            ConnectTypes.Google => "-GooglePairingKey",
            ConnectTypes.Oracle => "-OracleVirtualCircuitId",
            ConnectTypes.Ibm => "-IbmAccountId and -IbmCustomerAsn",
            ConnectTypes.Transit => "-Internet",
            _ => "the partner's parameters",
        };

        /// <summary>
        /// The port a cloud key lands on: the one pinned with <paramref name="pinnedUid"/>, else the first that
        /// <paramref name="pick"/> likes, else the first offered.
        /// </summary>
        public async Task<VxcEndTarget> CloudKeyAsync(CloudKeyKind kind, string key, string? pinnedUid, Func<CspPort, bool> pick, CallContext ctx)
        {
            var ports = await _api.LookupCspPortsAsync(kind, key, ctx).ConfigureAwait(false);
            var name = kind.ToString().ToLowerInvariant();
            var port = pinnedUid != null
                ? ports.FirstOrDefault(p => string.Equals(p.ProductUid, pinnedUid, StringComparison.OrdinalIgnoreCase))
                  ?? throw MegaportException.InvalidArgument($"-BEndProductUid {pinnedUid} is not one of the ports {name} key {key} can use ({string.Join(", ", ports.Select(p => p.ProductUid))}).", pinnedUid)
                : ports.FirstOrDefault(pick) ?? ports.FirstOrDefault();
            if (port == null)
                throw new MegaportException(ErrorIds.ValidationFailed, ErrorCategory.InvalidArgument, $"Megaport found no port for {name} key {key}.", key);
            return new VxcEndTarget(port.ProductUid, port.Name, port.PortSpeed);
        }

        /// <summary>A Megaport Internet (TRANSIT) port at the A-End's location, else in its metro.</summary>
        public async Task<VxcEndTarget> InternetNearAsync(Service aEnd, CallContext ctx)
        {
            var transit = (await PartnersAsync(ctx).ConfigureAwait(false)).Where(p => p.VxcPermitted && p.ConnectType == ConnectTypes.Transit).ToList();
            var here = transit.FirstOrDefault(p => p.LocationId == aEnd.LocationId);
            if (here == null)
            {
                var locations = await CatalogueCache.LocationsAsync(_session, _api, false, ctx).ConfigureAwait(false);
                var metro = locations.FirstOrDefault(l => l.Id == aEnd.LocationId)?.Metro;
                var inMetro = new HashSet<int>(locations.Where(l => l.Metro != null && l.Metro == metro).Select(l => l.Id));
                here = transit.FirstOrDefault(p => inMetro.Contains(p.LocationId));
            }
            if (here == null)
                throw MegaportException.InvalidArgument($"No Megaport Internet port is offered near '{aEnd.Name}'; pass one with -BEndProductUid (Get-MegaportPartnerPort -ConnectType TRANSIT).", aEnd.ProductUid);
            return new VxcEndTarget(here.ProductUid, here.Name, here.VxcSpeedLimit);
        }

        /// <summary>A service key's port: the API resolves it from the key.</summary>
        public static VxcEndTarget ServiceKeyEnd(string key) => new(null, $"the port of service key {key}", 0);

        /// <summary>One of your own services at a VXC end, or null when the end is a partner's or another company's port.</summary>
        public async Task<Service?> OwnOrNullAsync(string uid, CallContext ctx)
        {
            if ((await PartnersAsync(ctx).ConfigureAwait(false)).Any(p => string.Equals(p.ProductUid, uid, StringComparison.OrdinalIgnoreCase))) return null;
            try { return await LookupAsync(uid, ctx).ConfigureAwait(false); }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound) { return null; }
        }

        /// <summary>
        /// The most a VXC end with this UID carries, for a rate-limit change: a partner port's VXC limit, your own
        /// port's or MCR's speed; null when the end is another company's port (the API decides).
        /// </summary>
        public async Task<VxcEndTarget?> EndLimitAsync(string uid, CallContext ctx)
        {
            var partner = (await PartnersAsync(ctx).ConfigureAwait(false)).FirstOrDefault(p => string.Equals(p.ProductUid, uid, StringComparison.OrdinalIgnoreCase));
            if (partner != null) return new VxcEndTarget(partner.ProductUid, partner.Name, partner.VxcSpeedLimit);
            try
            {
                var end = await LookupAsync(uid, ctx).ConfigureAwait(false);
                return new VxcEndTarget(end.ProductUid, end.Name, Products.Products.Of(end).VxcEndSpeed(end));
            }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                return null;
            }
        }
    }
}
