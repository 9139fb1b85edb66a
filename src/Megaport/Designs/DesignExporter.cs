using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Designs
{
    /// <summary>
    /// Writes what is on the account (or some services and what they depend on) as a design: ends by reference
    /// ({{.type.name}}), partner ends as cloud selectors pinning the partner port, only settings that read back the
    /// same, so Test-MegaportDesign of an export plans no change.
    /// </summary>
    internal sealed class DesignExporter
    {
        const int ConcurrentReads = 16;
        readonly MegaportApi _api;

        public DesignExporter(MegaportApi api) => _api = api;

        public async Task<JObject> ExportAsync(AccountState account, IReadOnlyCollection<string>? only, Action<string> warn, CallContext ctx)
        {
            var services = Select(account, only, warn);
            var extras = await ReadExtrasAsync(services, ctx).ConfigureAwait(false);
            var root = new JObject();
            foreach (var kind in DesignKinds.All)
            {
                var list = new JArray(services.Where(s => DesignKinds.Of(s) == kind).OrderBy(s => s.Name, StringComparer.Ordinal)
                    .Select(s => Resource(s, kind, account, services, extras)));
                if (list.Count > 0) root[DesignKinds.ListKey(kind)] = list;
            }
            return root;
        }

        /// <summary>The services asked for (all, or the UIDs given and the ends they need).</summary>
        static List<Service> Select(AccountState account, IReadOnlyCollection<string>? only, Action<string> warn)
        {
            if (only == null) return account.Services.ToList();
            var chosen = new List<Service>();
            void Add(Service? s) { if (s != null && !chosen.Contains(s)) chosen.Add(s); }
            foreach (var uid in only)
            {
                var service = account.ByUid(uid) ?? account.Services.FirstOrDefault(s => s is Port p && p.LagMemberUids.Contains(uid, StringComparer.OrdinalIgnoreCase));
                if (service == null) throw new MegaportException(ErrorIds.ServiceNotFound, System.Management.Automation.ErrorCategory.ObjectNotFound,
                    $"{uid} is not an active port, MCR, MVE, NAT gateway, VXC or IX on the account.", uid);
                Add(service);
                if (service is Vxc v) { Add(account.ByUid(v.AEnd.ProductUid ?? "")); Add(account.ByUid(v.BEnd.ProductUid ?? "")); }
                if (service is Ix ix) Add(account.ByUid(ix.PortUid ?? ""));
            }
            return chosen;
        }

        sealed class Extras
        {
            public IReadOnlyList<ServiceTag> Tags { get; set; } = Array.Empty<ServiceTag>();
            public IReadOnlyList<PrefixList> PrefixLists { get; set; } = Array.Empty<PrefixList>();
        }

        /// <summary>Tags (and an MCR's prefix lists) are not in the listing: read them, a few at a time.</summary>
        async Task<Dictionary<string, Extras>> ReadExtrasAsync(IReadOnlyList<Service> services, CallContext ctx)
        {
            var extras = new Dictionary<string, Extras>(StringComparer.OrdinalIgnoreCase);
            using var gate = new SemaphoreSlim(ConcurrentReads);
            await Task.WhenAll(services.Select(async s =>
            {
                await gate.WaitAsync(ctx.Token).ConfigureAwait(false);
                try
                {
                    var e = new Extras { Tags = await _api.GetTagsAsync(s.ProductUid, ctx).ConfigureAwait(false) };
                    if (s is Mcr) e.PrefixLists = await _api.GetPrefixListsAsync(PrefixListOwner.Mcr, s.ProductUid, ctx).ConfigureAwait(false);
                    lock (extras) extras[s.ProductUid] = e;
                }
                finally { gate.Release(); }
            })).ConfigureAwait(false);
            return extras;
        }

        static JObject Resource(Service s, DesignKind kind, AccountState account, List<Service> exported, Dictionary<string, Extras> extras)
        {
            var o = new JObject { ["name"] = s.Name };
            switch (s)
            {
                case Port port:
                    Located(o, port);
                    o["speed"] = port.Speed;
                    if (port.LagMemberUids.Length > 1) o["lag_count"] = port.LagMemberUids.Length;
                    o["marketplace_visibility"] = port.MarketplaceVisibility;
                    break;
                case Mcr mcr:
                    Located(o, mcr);
                    o["speed"] = mcr.Speed;
                    if (mcr.Asn != null) o["asn"] = mcr.Asn;
                    if (mcr.IpsecTunnelCount > 0) o["tunnel_count"] = mcr.IpsecTunnelCount;
                    o["marketplace_visibility"] = mcr.MarketplaceVisibility;
                    var lists = extras[s.ProductUid].PrefixLists;
                    if (lists.Count > 0)
                        o["prefix_lists"] = new JArray(lists.Select(l => new JObject
                        {
                            ["description"] = l.Description,
                            ["address_family"] = l.AddressFamily,
                            ["entries"] = new JArray(l.Entries.Select(e =>
                            {
                                var entry = new JObject { ["action"] = e.Action, ["prefix"] = e.Prefix };
                                if (e.Ge != null) entry["ge"] = e.Ge;
                                if (e.Le != null) entry["le"] = e.Le;
                                return entry;
                            })),
                        }));
                    break;
                case Mve mve:
                    Located(o, mve);
                    o["vendor_config"] = VendorConfigFields.Fields(mve);
                    o["vnics"] = new JArray(mve.VnicDescriptions);
                    break;
                case NatGateway nat:
                    Located(o, nat);
                    o["speed"] = nat.Speed;
                    o["session_count"] = nat.SessionCount;
                    if (nat.Asn != null) o["asn"] = nat.Asn;
                    o["auto_renew_term"] = nat.AutoRenewTerm;
                    break;
                case Vxc vxc:
                    o["rate_limit"] = vxc.RateLimit;
                    o["term"] = vxc.Term;
                    o["a_end"] = End(vxc.AEnd, null, account, exported);
                    o["b_end"] = End(vxc.BEnd, vxc.Cloud, account, exported);
                    if (vxc.Cloud != null && PartnerConfigFields.FromCloud(vxc.Cloud) is PartnerConfig config)
                        o["b_end_partner_config"] = PartnerConfigFields.Fields(config);
                    if (!string.IsNullOrEmpty(vxc.CostCentre)) o["cost_centre"] = vxc.CostCentre;
                    if (vxc.Shutdown) o["shutdown"] = true;
                    break;
                case Ix ix:
                    o["port"] = Reference(account.ByUid(ix.PortUid ?? ""), exported) ?? ix.PortUid;
                    o["network_service_type"] = ix.NetworkServiceType;
                    o["asn"] = ix.Asn;
                    o["mac_address"] = ix.MacAddress;
                    o["rate_limit"] = ix.RateLimit;
                    if (ix.Vlan is int vlan && vlan != 0) o["vlan"] = vlan;
                    if (ix.Shutdown) o["shutdown"] = true;
                    break;
                default:
                    throw new InvalidOperationException($"A {s.GetType().Name} is not exported as a {kind}.");
            }
            var tags = extras[s.ProductUid].Tags;
            if (tags.Count > 0) o["resource_tags"] = new JObject(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value)));
            return o;
        }

        static void Located(JObject o, LocatedService s)
        {
            o["location_id"] = s.LocationId;
            o["term"] = s.Term;
            if (!string.IsNullOrEmpty(s.DiversityZone)) o["diversity_zone"] = s.DiversityZone;
            if (!string.IsNullOrEmpty(s.CostCentre)) o["cost_centre"] = s.CostCentre;
        }

        /// <summary>{{.port.Sydney Primary}} for an exported service; null when the end is not one.</summary>
        static string? Reference(Service? s, List<Service> exported) =>
            s != null && exported.Contains(s) && DesignKinds.Of(s) is DesignKind k ? $"{{{{.{DesignKinds.ReferenceType(k)}.{s.Name}}}}}" : null;

        static JObject End(VxcEnd end, VxcCloudConnection? cloud, AccountState account, List<Service> exported)
        {
            var o = new JObject();
            var own = account.ByUid(end.ProductUid ?? "")
                ?? account.Services.FirstOrDefault(s => s is Port p && p.LagMemberUids.Contains(end.ProductUid ?? "", StringComparer.OrdinalIgnoreCase));
            var partner = own == null ? account.Partners.FirstOrDefault(p => string.Equals(p.ProductUid, end.ProductUid, StringComparison.OrdinalIgnoreCase)) : null;
            if (partner?.ConnectType is string ct)
            {
                // A selector that says what the end is, pinned to the port it is on today.
                o["cloud"] = ct;
                o["location_id"] = partner.LocationId;
                if (!string.IsNullOrEmpty(partner.DiversityZone)) o["diversity_zone"] = partner.DiversityZone;
            }
            else if (cloud != null && own == null) o["cloud"] = cloud.ConnectType;
            o["product_uid"] = Reference(own, exported) ?? end.ProductUid;
            if (end.Vlan is int vlan && vlan != 0) o["vlan"] = vlan;
            if (end.InnerVlan is int inner && inner != 0) o["inner_vlan"] = inner;
            if (own is Mve && end.VNicIndex is int nic) o["vnic_index"] = nic;
            return o;
        }
    }
}
