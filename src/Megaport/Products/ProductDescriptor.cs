using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>
    /// Everything the module knows about one kind of product, in one place: its API names, its public model, how
    /// to read it, what an order creates before it is read, how it is changed and removed, and the words used for
    /// it. Code that used to switch over product types asks the descriptor instead (see <see cref="Products"/>).
    /// </summary>
    internal abstract class ProductDescriptor
    {
        /// <summary>The -ProductType name (Port, Vxc, ...).</summary>
        public abstract string Name { get; }
        /// <summary>The API's productType values, upper case; the first is the one orders send.</summary>
        public abstract IReadOnlyList<string> ApiTypes { get; }
        public abstract Type ModelType { get; }
        /// <summary>"port", "VXC": how messages name one.</summary>
        public abstract string Noun { get; }
        /// <summary>The noun of its cmdlets (New-MegaportPort → MegaportPort), or null when it has none of its own.</summary>
        public abstract string? CmdletNoun { get; }
        /// <summary>The PUT path that changes one, or null when the API offers no change (see <see cref="NotChangeableReason"/>).</summary>
        public abstract string? UpdatePath(string productUid);
        /// <summary>Why one cannot be changed, when <see cref="UpdatePath"/> is null.</summary>
        public virtual string? NotChangeableReason => null;
        /// <summary>
        /// For products created first as a free DESIGN (NAT gateways): the path that creates one (POST) and, with
        /// "/{uid}", deletes one never bought (DELETE). Null for products bought from an order line.
        /// </summary>
        public virtual string? DesignPath => null;
        /// <summary>Its bandwidth in Mbps: a port's, MCR's or NAT gateway's speed, a VXC's or IX's rate limit; 0 when it has none of its own.</summary>
        public abstract int Mbps(Service service);

        /// <summary>Its telemetry (path, types, defaults), or null when the API measures nothing for it.</summary>
        public abstract TelemetryKind? Telemetry { get; }

        /// <summary>
        /// The validate line that prices a new order like <paramref name="service"/> (validate buys nothing): what the
        /// report shows as its monthly cost. Null, with <paramref name="whyNot"/>, when the API cannot be asked.
        /// </summary>
        internal abstract object? PriceLine(Service service, Location? location, out string? whyNot);

        /// <summary>The key under which a parent product lists it in /v2/products (associatedVxcs), or null for top-level products.</summary>
        public virtual string? ListedUnder => null;

        /// <summary>A new model object with this kind's own fields read from <paramref name="o"/> (ServiceReader adds the common ones).</summary>
        internal abstract Service ReadDetails(JObject o);

        /// <summary>What a buy created, known only by UID until it is read (<paramref name="orderUids"/>: every UID the same buy created).</summary>
        internal abstract Service Placeholder(string productUid, IReadOnlyList<string> orderUids);

        /// <summary>"LAG port", "AWS VXC": the words for this service in messages.</summary>
        public virtual string DisplayKind(Service service) => Noun;

        /// <summary>
        /// The API removes some services only at once (CANCEL_NOW): then the plural words for them ("ports and LAGs"),
        /// else null (end-of-term cancellation is allowed).
        /// </summary>
        public virtual string? ImmediateRemovalOnly(Service service) => null;

        /// <summary>Whether a VXC can start or end here (ports, MCRs, MVEs, NAT gateways).</summary>
        public virtual bool IsVxcEnd => false;

        /// <summary>The most a VXC at this end can carry in Mbps, or 0 when the end sets no limit of its own.</summary>
        public virtual int VxcEndSpeed(Service service) => 0;

        /// <summary>
        /// For products that route the VXCs on them (MCRs, NAT gateways), what their end of a VXC takes: vRouter
        /// interfaces with BGP sessions; null for the others.
        /// </summary>
        public virtual VRouterTraits? VRouter => null;

        /// <summary>Facts only the order knew (a LAG's members), kept when a fresh read lacks them.</summary>
        public virtual void KeepOrderFacts(Service known, Service fresh) { }

        /// <summary>Fills in what a nested product takes from the parent it is listed under.</summary>
        public virtual void AttachToParent(Service child, Service parent) { }

        /// <summary>Speeds (Mbps) a location offers for this kind, or null when it is not ordered by speed at a location.</summary>
        public virtual int[]? OfferedSpeeds(Location location, string? zone) => null;

        /// <summary>The speeds (Mbps) this kind comes in anywhere.</summary>
        public virtual IReadOnlyList<int> StandardSpeeds => Array.Empty<int>();

        public override string ToString() => Name;
    }

    /// <summary>
    /// How a routing product's end of a VXC differs from another's: whose prefix lists its BGP sessions name, whether its
    /// interfaces take packet filters, whether they may carry NAT addresses, and whether an order gives its VLAN.
    /// </summary>
    internal sealed class VRouterTraits
    {
        public VRouterTraits(Api.PrefixListOwner prefixLists, bool packetFilters, bool natAddresses, bool orderedVlan)
        {
            PrefixLists = prefixLists;
            PacketFilters = packetFilters;
            NatAddresses = natAddresses;
            OrderedVlan = orderedVlan;
        }

        public Api.PrefixListOwner PrefixLists { get; }
        /// <summary>Interfaces name packet filters (PacketFilterIn/Out) of the product.</summary>
        public bool PacketFilters { get; }
        /// <summary>Interfaces may carry natIpAddresses (a NAT gateway keeps its own and the API refuses them).</summary>
        public bool NatAddresses { get; }
        /// <summary>An order may give this end's VLAN (a NAT gateway's is allocated by Megaport).</summary>
        public bool OrderedVlan { get; }
    }

    /// <summary>A descriptor whose model is <typeparamref name="TModel"/>.</summary>
    internal abstract class ProductDescriptor<TModel> : ProductDescriptor where TModel : Service, new()
    {
        public override Type ModelType => typeof(TModel);

        internal override Service ReadDetails(JObject o) => Read(o);

        /// <summary>This kind's own fields.</summary>
        protected abstract TModel Read(JObject o);

        internal override Service Placeholder(string productUid, IReadOnlyList<string> orderUids)
        {
            var s = NewPlaceholder(orderUids);
            s.ProductUid = productUid;
            s.ProductType = ApiTypes.Count > 0 ? ApiTypes[0] : "";
            return s;
        }

        protected virtual TModel NewPlaceholder(IReadOnlyList<string> orderUids) => new();
    }
}
