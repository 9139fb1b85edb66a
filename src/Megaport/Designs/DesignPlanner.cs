using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Designs
{
    /// <summary>What the account holds for a plan, read once: its active services, the locations and partner ports.</summary>
    internal sealed class AccountState
    {
        AccountState(IReadOnlyList<Service> services, IReadOnlyList<Location> locations, IReadOnlyList<PartnerPort> partners)
        {
            Services = services;
            Locations = locations;
            Partners = partners;
            foreach (var s in services) _byUid[s.ProductUid] = s;
        }

        readonly Dictionary<string, Service> _byUid = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Active services a design can describe; a LAG is its primary member (the others are in LagMemberUids).</summary>
        public IReadOnlyList<Service> Services { get; }
        public IReadOnlyList<Location> Locations { get; }
        public IReadOnlyList<PartnerPort> Partners { get; }

        public Service? ByUid(string uid) => _byUid.TryGetValue(uid, out var s) ? s : null;

        public IReadOnlyList<Service> Named(DesignKind kind, string name) =>
            Services.Where(s => DesignKinds.Of(s) == kind && string.Equals(s.Name, name, StringComparison.Ordinal)).ToList();

        public string LocationName(int? id) => Locations.FirstOrDefault(l => l.Id == id)?.Name ?? id?.ToString(CultureInfo.InvariantCulture) ?? "";

        public static async Task<AccountState> ReadAsync(Session session, MegaportApi api, CallContext ctx)
        {
            var all = new List<Service>();
            var services = api.StreamServicesAsync(s =>
            {
                if (!s.IsInactive && s.ProvisioningStatus != ProvisioningStatuses.Design && DesignKinds.Of(s) != null) all.Add(s);
            }, ctx);
            var locations = CatalogueCache.LocationsAsync(session, api, false, ctx);
            var partners = CatalogueCache.PartnerPortsAsync(session, api, false, ctx);
            await Task.WhenAll(services, locations, partners).ConfigureAwait(false);
            return new AccountState(CollapseLags(all), await locations.ConfigureAwait(false), await partners.ConfigureAwait(false));
        }

        /// <summary>The members of a LAG share one name: a design knows the LAG as one port, its primary member.</summary>
        static IReadOnlyList<Service> CollapseLags(List<Service> all)
        {
            var lagIds = new HashSet<int>();
            var result = new List<Service>();
            foreach (var s in all.OrderByDescending(s => s is Port { LagPrimary: true }))
            {
                if (s is Port p && p.IsLagMember)
                {
                    var id = p.LagId != 0 ? p.LagId : p.AggregationId;
                    if (!lagIds.Add(id)) continue;
                    if (p.LagMemberUids.Length == 0)
                        p.LagMemberUids = all.OfType<Port>().Where(m => (m.LagId != 0 ? m.LagId : m.AggregationId) == id).Select(m => m.ProductUid).ToArray();
                }
                result.Add(s);
            }
            return result;
        }
    }

    /// <summary>Where a VXC end (or an IX's port) lands: a resource of the design, a service on the account, or a partner port.</summary>
    internal sealed class EndRef
    {
        public PlannedItem? Planned { get; set; }
        public Service? Own { get; set; }
        public PartnerPort? Partner { get; set; }
        /// <summary>A port behind a cloud key (Azure, Google, Oracle).</summary>
        public VxcEndTarget? Keyed { get; set; }
        public int? LocationId { get; set; }

        /// <summary>The UID now, or null while it is a resource this run still buys.</summary>
        public string? Uid => Planned != null ? Planned.Uids.FirstOrDefault() : Own?.ProductUid ?? Partner?.ProductUid ?? Keyed?.ProductUid;

        /// <summary>Whether the end is the service with this UID (any member of a LAG).</summary>
        public bool Is(string? uid) => uid != null && ((Planned?.Uids.Contains(uid, StringComparer.OrdinalIgnoreCase) ?? false)
            || string.Equals(Uid, uid, StringComparison.OrdinalIgnoreCase)
            || (Own is Port { LagMemberUids: var members } && members.Contains(uid, StringComparer.OrdinalIgnoreCase)));

        public string Name => Planned?.Name ?? Own?.Name ?? Partner?.Name ?? Keyed?.Name ?? "";

        /// <summary>A product type for the price book, when the end is one of ours.</summary>
        public string? ProductType => Planned != null ? DesignKinds.Product(Planned.Kind).ApiTypes[0] : Own?.ProductType;
    }

    /// <summary>One resource of a plan: the change it makes, what exists, and how to make it.</summary>
    internal sealed class PlannedItem
    {
        public PlannedItem(DesignKind kind, string name, DesignChange change) { Kind = kind; Name = name; Change = change; }
        public DesignKind Kind { get; }
        public string Name { get; }
        public DesignChange Change { get; }
        public DesignResource? Resource { get; set; }
        public Service? Existing { get; set; }
        /// <summary>The order of a located Create, built at plan time.</summary>
        public OrderItem? Order { get; set; }
        /// <summary>The two ends of a VXC (A, B) or the port of an IX (A).</summary>
        public EndRef? A { get; set; }
        public EndRef? B { get; set; }
        /// <summary>The changes of an Update, each one request.</summary>
        public List<Func<CallContext, Task>> Updates { get; } = new();
        /// <summary>Prefix lists to create on an MCR (a new one, or missing on an existing one).</summary>
        public List<PrefixListSpec> NewPrefixLists { get; } = new();
        /// <summary>The services it is on the account (a LAG: every member), once known.</summary>
        public List<string> Uids { get; } = new();
    }

    /// <summary>A plan: one item per resource (removals first), and the monthly total of what it buys.</summary>
    internal sealed class DesignPlan
    {
        public List<PlannedItem> Items { get; } = new();
        public AccountState Account { get; set; } = null!;

        public IEnumerable<DesignChange> Changes => Items.Select(i => i.Change);

        public int Count(DesignAction action) => Items.Count(i => i.Change.Action == action);

        /// <summary>"1,234.00 AUD/month" (one figure per currency), or null when nothing is bought.</summary>
        public string? TotalText
        {
            get
            {
                var priced = Items.Where(i => i.Change.Action == DesignAction.Create && i.Change.MonthlyPrice != null).GroupBy(i => i.Change.Currency ?? "").ToList();
                if (priced.Count == 0) return null;
                return string.Join(" + ", priced.Select(g => $"{g.Sum(i => i.Change.MonthlyPrice!.Value).ToString("N2", CultureInfo.InvariantCulture)} {g.Key}/month"));
            }
        }

        public string Summary =>
            $"{Count(DesignAction.Create)} to create, {Count(DesignAction.Update)} to update, {Count(DesignAction.NoChange)} unchanged" +
            (Count(DesignAction.Conflict) > 0 ? $", {Count(DesignAction.Conflict)} in conflict" : "") +
            (Count(DesignAction.Remove) > 0 ? $", {Count(DesignAction.Remove)} to remove" : "") +
            (TotalText is string t ? $"; new items {t}" : "") +
            (Items.Any(i => i.Change.Action == DesignAction.Create && i.Change.MonthlyPrice == null) ? " (some not priced)" : "");
    }

    /// <summary>
    /// Compares a design with the account: each resource is found by kind and name and becomes a Create, an Update
    /// (field by field), a NoChange or a Conflict; what is bought is priced (validate, or the price book when an end
    /// does not exist yet). Only reads are sent.
    /// </summary>
    internal sealed class DesignPlanner
    {
        readonly Session _session;
        readonly MegaportApi _api;
        readonly IReadOnlyDictionary<string, SecureString> _secrets;
        readonly OrderPlacer _placer;
        readonly VxcEndResolver _resolver;

        public DesignPlanner(Session session, MegaportApi api, IReadOnlyDictionary<string, SecureString> secrets, OrderPlacer placer)
        {
            _session = session;
            _api = api;
            _secrets = secrets;
            _placer = placer;
            _resolver = new VxcEndResolver(session, api);
        }

        public async Task<DesignPlan> PlanAsync(Design design, bool prune, DesignProblems problems, CallContext ctx)
        {
            var plan = new DesignPlan { Account = await AccountState.ReadAsync(_session, _api, ctx).ConfigureAwait(false) };
            var byResource = new Dictionary<DesignResource, PlannedItem>();
            foreach (var kind in DesignKinds.All)
                foreach (var r in design.Of(kind))
                {
                    var item = await PlanOneAsync(design, r, plan, byResource, problems, ctx).ConfigureAwait(false);
                    byResource[r] = item;
                    plan.Items.Add(item);
                }
            if (prune) plan.Items.InsertRange(0, Removals(design, plan.Account));
            await PriceAsync(plan, problems, ctx).ConfigureAwait(false);
            return plan;
        }

        static IEnumerable<PlannedItem> Removals(Design design, AccountState account) =>
            account.Services.Where(s => DesignKinds.Of(s) is DesignKind k && design.Find(k, s.Name) == null)
                .OrderByDescending(s => DesignKinds.Of(s)!.Value) // VXCs and IXs before what they hang off
                .Select(s => new PlannedItem(DesignKinds.Of(s)!.Value, s.Name, new DesignChange
                {
                    Action = DesignAction.Remove, Kind = DesignKinds.Of(s)!.Value.ToString(), Name = s.Name, ProductUid = s.ProductUid,
                    Message = "Not in the design: cancelled at once with -Prune.",
                })
                { Existing = s, Uids = { s.ProductUid } });

        async Task<PlannedItem> PlanOneAsync(Design design, DesignResource r, DesignPlan plan, Dictionary<DesignResource, PlannedItem> planned, DesignProblems problems, CallContext ctx)
        {
            var change = new DesignChange { Kind = r.Kind.ToString(), Name = r.Name, Source = r.Source };
            var item = new PlannedItem(r.Kind, r.Name, change) { Resource = r };
            var found = plan.Account.Named(r.Kind, r.Name);
            if (found.Count > 1)
            {
                change.Action = DesignAction.Conflict;
                change.Message = $"{found.Count} services on the account are called '{r.Name}' ({string.Join(", ", found.Select(s => s.ProductUid))}); rename all but one.";
                return item;
            }
            var existing = found.FirstOrDefault();
            item.Existing = existing;
            if (existing != null)
            {
                change.ProductUid = existing.ProductUid;
                item.Uids.AddRange(existing is Port { LagMemberUids.Length: > 0 } lag ? lag.LagMemberUids : new[] { existing.ProductUid });
            }
            var diff = new Diff();
            switch (r.Kind)
            {
                case DesignKind.Port:
                case DesignKind.Mcr:
                case DesignKind.Mve:
                case DesignKind.NatGateway:
                    PlanLocated(r, item, plan.Account, diff, problems);
                    break;
                case DesignKind.Vxc:
                    await PlanVxcAsync(design, r, item, plan.Account, planned, diff, problems, ctx).ConfigureAwait(false);
                    break;
                case DesignKind.Ix:
                    await PlanIxAsync(design, r, item, plan.Account, planned, diff, problems, ctx).ConfigureAwait(false);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(r), r.Kind, null);
            }
            if (existing != null && r.Obj("resource_tags") is JObject tags)
                await PlanTagsAsync(existing, tags, item, diff, ctx).ConfigureAwait(false);
            if (existing != null && r.Kind == DesignKind.Mcr)
                await PlanPrefixListsAsync((Mcr)existing, r, item, diff, ctx).ConfigureAwait(false);
            if (existing == null) change.Action = DesignAction.Create;
            else
            {
                change.Changes = diff.Lines.ToArray();
                change.Action = diff.Conflicts.Count > 0 ? DesignAction.Conflict : diff.Lines.Count > 0 ? DesignAction.Update : DesignAction.NoChange;
                if (diff.Conflicts.Count > 0) change.Message = string.Join(" ", diff.Conflicts);
                else if (existing.IsReady == false && diff.Lines.Count == 0) change.Message = $"On the account, {existing.ProvisioningStatus}: a deploy waits for it.";
            }
            return item;
        }

        /// <summary>The differences of one existing resource: settings that change in place, and those that cannot.</summary>
        sealed class Diff
        {
            public List<DesignFieldChange> Lines { get; } = new();
            public List<string> Conflicts { get; } = new();

            /// <summary>Records a difference; false when there is none (or the design does not say).</summary>
            public bool Add(string field, object? old, object? @new, bool inPlace)
            {
                if (@new == null || Equals(Text(old), Text(@new))) return false;
                Lines.Add(new DesignFieldChange { Field = field, Old = Text(old), New = Text(@new) });
                if (!inPlace) Conflicts.Add($"{field} cannot change in place ({Text(old) ?? "none"} on the account, {Text(@new)} in the design).");
                return inPlace;
            }

            static string? Text(object? v) => v switch
            {
                null => null,
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            };
        }

        Location? ResolveLocation(DesignResource r, AccountState account, DesignProblems problems)
        {
            Location? location = null;
            var given = r.Get("location_id") ?? r.Get("location");
            if (given == null) return null;
            problems.Try(r.Where, r.Get("location_id") != null ? "location_id" : "location", () =>
                location = given.Type == JTokenType.Integer ? LocationRules.Find(account.Locations, (int)given) : LocationRules.Single(account.Locations, given.ToString()));
            return location;
        }

        /// <summary>Ports, MCRs, MVEs and NAT gateways: the order line of a Create, or the differences of what exists.</summary>
        void PlanLocated(DesignResource r, PlannedItem item, AccountState account, Diff diff, DesignProblems problems)
        {
            var location = ResolveLocation(r, account, problems);
            if (location == null) return;
            var zone = r.Str("diversity_zone");
            var term = r.Int("term") ?? 1;
            var tags = TagsOf(r.Obj("resource_tags"));
            var existing = item.Existing as LocatedService;
            if (existing == null)
            {
                var product = DesignKinds.Product(r.Kind);
                problems.Try(r.Where, "diversity_zone", () => LocationRules.CheckZone(location, zone));
                if (r.Int("speed") is int s && r.Kind is DesignKind.Port or DesignKind.Mcr)
                    problems.Try(r.Where, "speed", () => LocationRules.CheckSpeed(location, product, s, zone));
                var where = $"at {location.Name} ({location.Id}){(zone != null ? $", {zone} zone" : "")}, {OrderItem.Months(term)}";
                item.Order = OrderFor(r, location, zone, term, tags, where);
                if (r.Kind == DesignKind.Mcr) item.NewPrefixLists.AddRange(PrefixLists(r));
                return;
            }
            diff.Add("location", account.LocationName(existing.LocationId), location.Id == existing.LocationId ? null : location.Name, inPlace: false);
            diff.Add("diversity_zone", string.IsNullOrEmpty(existing.DiversityZone) ? null : existing.DiversityZone, zone, inPlace: false);
            var term2 = r.Int("term");
            var cost = r.Str("cost_centre");
            var market = r.Bool("marketplace_visibility");
            var located = new[] { diff.Add("term", existing.Term, term2, true), diff.Add("cost_centre", existing.CostCentre ?? "", cost, true) };
            switch (existing)
            {
                case Port port:
                {
                    diff.Add("speed", port.Speed, r.Int("speed"), inPlace: false);
                    diff.Add("lag_count", Math.Max(1, port.LagMemberUids.Length), r.Int("lag_count"), inPlace: false);
                    var mv = diff.Add("marketplace_visibility", port.MarketplaceVisibility, market, true);
                    if (located.Any(c => c) || mv) Update(item, existing, new LocatedServiceChange { Term = term2, CostCentre = cost, MarketplaceVisibility = market });
                    break;
                }
                case Mcr mcr:
                {
                    diff.Add("speed", mcr.Speed, r.Int("speed"), inPlace: false);
                    var asn = diff.Add("asn", mcr.Asn, r.Long("asn"), true);
                    var mv = diff.Add("marketplace_visibility", mcr.MarketplaceVisibility, market, true);
                    if (located.Any(c => c) || mv || asn) Update(item, existing, new McrChange { Term = term2, CostCentre = cost, MarketplaceVisibility = market, Asn = r.Long("asn") });
                    if (r.Int("tunnel_count") is int tunnels && diff.Add("tunnel_count", mcr.IpsecTunnelCount, tunnels, true))
                        item.Updates.Add(ctx => mcr.IpsecAddOnUid is string addOn
                            ? _api.ChangeIpsecAsync(mcr.ProductUid, addOn, tunnels, ctx)
                            : _api.AddIpsecAsync(mcr.ProductUid, tunnels, ctx));
                    break;
                }
                case Mve mve:
                {
                    var vendor = r.Obj("vendor_config") is JObject vc ? VendorConfigFields.Parse(vc) : null;
                    diff.Add("vendor_config.vendor", mve.Vendor, vendor?.Vendor, inPlace: false);
                    diff.Add("vendor_config.size", mve.Size, vendor?.ProductSize, inPlace: false);
                    var names = r.List("vnics")?.Select(v => v["description"]?.ToString() ?? "").ToArray();
                    var vnics = false;
                    if (names != null && names.Length != mve.VnicDescriptions.Length)
                        diff.Add("vnics", mve.VnicDescriptions.Length + " vNICs", names.Length + " vNICs", inPlace: false);
                    else if (names != null) vnics = diff.Add("vnics", string.Join(", ", mve.VnicDescriptions), string.Join(", ", names), true);
                    if (located.Any(c => c) || vnics)
                        Update(item, existing, new MveChange { Term = term2, CostCentre = cost, Vnics = vnics ? names!.Select(n => new MveVnic { Description = n }).ToList() : null });
                    break;
                }
                case NatGateway nat:
                {
                    var changed = located.Any(c => c);
                    changed |= diff.Add("speed", nat.Speed, r.Int("speed"), true);
                    changed |= diff.Add("session_count", nat.SessionCount, r.Int("session_count"), true);
                    changed |= diff.Add("asn", nat.Asn, r.Long("asn"), true);
                    changed |= diff.Add("auto_renew_term", nat.AutoRenewTerm, r.Bool("auto_renew_term"), true);
                    if (changed)
                    {
                        var spec = NatGatewaySpec.Of(nat);
                        spec.Term = term2 ?? spec.Term;
                        spec.CostCentre = cost ?? spec.CostCentre;
                        spec.Speed = r.Int("speed") ?? spec.Speed;
                        spec.Config.SessionCount = r.Int("session_count") ?? spec.Config.SessionCount;
                        spec.Config.Asn = r.Long("asn") ?? spec.Config.Asn;
                        spec.AutoRenewTerm = r.Bool("auto_renew_term") ?? spec.AutoRenewTerm;
                        Update(item, existing, spec);
                    }
                    break;
                }
                default:
                    throw new InvalidOperationException($"A {existing.GetType().Name} is not a located design resource.");
            }
        }

        void Update(PlannedItem item, Service existing, ServiceChange change) => item.Updates.Add(ctx => _api.UpdateAsync(existing, change, ctx));

        static IReadOnlyList<ResourceTag>? TagsOf(JObject? tags) =>
            tags == null || tags.Count == 0 ? null
                : tags.Properties().Select(p => new ResourceTag(p.Name, p.Value.ToString())).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

        OrderItem OrderFor(DesignResource r, Location location, string? zone, int term, IReadOnlyList<ResourceTag>? tags, string where)
        {
            var cost = r.Str("cost_centre");
            var promo = r.Str("promo_code");
            switch (r.Kind)
            {
                case DesignKind.Port:
                {
                    var speed = r.Int("speed") ?? 0;
                    var lag = r.Int("lag_count");
                    var line = new PortOrder
                    {
                        Name = r.Name, Term = term, Speed = speed, LocationId = location.Id, Market = location.Market ?? "",
                        MarketplaceVisibility = r.Bool("marketplace_visibility") ?? false, Config = new ZoneConfig { DiversityZone = zone },
                        LagPortCount = lag, CostCentre = cost, PromoCode = promo, Tags = tags,
                    };
                    var what = lag != null ? $"LAG '{r.Name}' of {lag} x {speed} Mbps ports" : $"port '{r.Name}' ({speed} Mbps)";
                    return new OrderItem(Products.Products.Port, r.Name, line, $"{what} {where}", lag ?? 1);
                }
                case DesignKind.Mcr:
                {
                    var tunnels = r.Int("tunnel_count") ?? 0;
                    var line = new McrOrder
                    {
                        LocationId = location.Id, Name = r.Name, Term = term, Speed = r.Int("speed") ?? 0, CostCentre = cost ?? "",
                        Config = new McrConfig { DiversityZone = zone, Asn = r.Long("asn") }, MarketplaceVisibility = r.Bool("marketplace_visibility"),
                        AddOns = tunnels > 0 ? new[] { McrAddOn.Ipsec(tunnels) } : null, PromoCode = promo, Tags = tags,
                    };
                    return new OrderItem(Products.Products.Mcr, r.Name, line, $"MCR '{r.Name}' ({line.Speed} Mbps) {where}");
                }
                case DesignKind.Mve:
                {
                    var vendor = WithSecrets(r.Obj("vendor_config")!);
                    var line = new MveOrder
                    {
                        LocationId = location.Id, Name = r.Name, Term = term, Config = new ZoneConfig { DiversityZone = zone }, VendorConfig = vendor,
                        Vnics = (r.List("vnics") ?? new JArray(new JObject { ["description"] = "Data Plane" }))
                            .Select(v => new MveVnic { Description = v["description"]?.ToString() ?? "", Vlan = v["vlan"] is JToken vl && (int)vl != 0 ? (int)vl : null }).ToList(),
                        CostCentre = cost, PromoCode = promo, Tags = tags,
                    };
                    return new OrderItem(Products.Products.Mve, r.Name, line, $"MVE '{r.Name}' {where}");
                }
                case DesignKind.NatGateway:
                {
                    var design = new NatGatewaySpec
                    {
                        ProductName = r.Name, LocationId = location.Id, Speed = r.Int("speed") ?? 0, Term = term, AutoRenewTerm = r.Bool("auto_renew_term") ?? false,
                        Config = new NatGatewayConfig { Asn = r.Long("asn"), DiversityZone = zone, SessionCount = r.Int("session_count") ?? 0 },
                        CostCentre = cost, PromoCode = promo, Tags = tags,
                    };
                    return new OrderItem(Products.Products.NatGateway, r.Name, design.AsLine(),
                        $"NAT gateway '{r.Name}' ({design.Speed} Mbps, {design.Config.SessionCount} sessions) {where}", design: design);
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(r), r.Kind, null);
            }
        }

        static IEnumerable<PrefixListSpec> PrefixLists(DesignResource r) =>
            (r.List("prefix_lists") ?? new JArray()).OfType<JObject>().Select(l => new PrefixListSpec
            {
                Description = l["description"]?.ToString() ?? "",
                AddressFamily = string.Equals(l["address_family"]?.ToString(), "IPv6", StringComparison.OrdinalIgnoreCase) ? "IPv6" : "IPv4",
                Entries = (l["entries"] as JArray ?? new JArray()).OfType<JObject>().Select(e => new PrefixListEntrySpec
                {
                    Action = e["action"]?.ToString() ?? "", Prefix = e["prefix"]?.ToString() ?? "",
                    Ge = e["ge"] is JToken ge ? (int)ge : null, Le = e["le"] is JToken le ? (int)le : null,
                }).ToList(),
            });

        /// <summary>An MCR's prefix lists by description: a missing one is created, a different one replaced; others are left alone.</summary>
        async Task PlanPrefixListsAsync(Mcr mcr, DesignResource r, PlannedItem item, Diff diff, CallContext ctx)
        {
            if (r.List("prefix_lists") == null) return;
            var current = await _api.GetPrefixListsAsync(PrefixListOwner.Mcr, mcr.ProductUid, ctx).ConfigureAwait(false);
            foreach (var wanted in PrefixLists(r))
            {
                var have = current.FirstOrDefault(l => string.Equals(l.Description, wanted.Description, StringComparison.Ordinal));
                var wantedText = PrefixListText(wanted.AddressFamily, wanted.Entries.Select(e => (e.Action, e.Prefix, e.Ge, e.Le)));
                if (have == null)
                {
                    diff.Add($"prefix_lists['{wanted.Description}']", null, wantedText, true);
                    item.Updates.Add(ctx2 => _api.SetPrefixListAsync(PrefixListOwner.Mcr, mcr.ProductUid, null, wanted, ctx2));
                    continue;
                }
                var haveText = PrefixListText(have.AddressFamily, have.Entries.Select(e => (e.Action, e.Prefix, e.Ge, e.Le)));
                if (diff.Add($"prefix_lists['{wanted.Description}']", haveText, wantedText, true))
                    item.Updates.Add(ctx2 => _api.SetPrefixListAsync(PrefixListOwner.Mcr, mcr.ProductUid, have.Id, wanted, ctx2));
            }
        }

        internal static string PrefixListText(string family, IEnumerable<(string Action, string Prefix, int? Ge, int? Le)> entries) =>
            family + ": " + string.Join(", ", entries.Select(e => $"{e.Action} {e.Prefix}" + (e.Ge != null ? $" ge {e.Ge}" : "") + (e.Le != null ? $" le {e.Le}" : "")));

        async Task PlanTagsAsync(Service existing, JObject tags, PlannedItem item, Diff diff, CallContext ctx)
        {
            var current = await _api.GetTagsAsync(existing.ProductUid, ctx).ConfigureAwait(false);
            var have = string.Join(", ", current.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
            var wanted = TagsOf(tags) ?? Array.Empty<ResourceTag>();
            if (diff.Add("resource_tags", have, string.Join(", ", wanted.Select(t => $"{t.Key}={t.Value}")), true))
                item.Updates.Add(ctx2 => _api.SetTagsAsync(existing.ProductUid, wanted.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)), ctx2));
        }

        /// <summary>
        /// One end: a {{.type.name}} reference, a name (of the design first, then of the account), a UID (yours or a
        /// partner's), or a cloud selector (cloud + location; product_uid pins the partner port).
        /// </summary>
        async Task<EndRef?> ResolveEndAsync(Design design, DesignResource r, string field, JObject end, PartnerConfig? partnerConfig,
            AccountState account, Dictionary<DesignResource, PlannedItem> planned, DesignProblems problems, CallContext ctx)
        {
            var text = end["product_uid"]?.ToString();
            var cloud = end["cloud"]?.ToString().ToUpperInvariant();
            if (cloud != null) return await CloudEndAsync(r, field, end, cloud, text, partnerConfig, account, problems, ctx).ConfigureAwait(false);
            if (text == null) return null;
            if (DesignBinder.Reference.Match(text) is { Success: true } m && DesignKinds.FromReferenceType(m.Groups[1].Value) is DesignKind kind)
            {
                var name = m.Groups[2].Value.Trim();
                var resource = design.Find(kind, name);
                if (resource != null && planned.TryGetValue(resource, out var p)) return new EndRef { Planned = p, LocationId = LocationOf(p, account) };
                var found = account.Named(kind, name);
                if (found.Count == 1) return new EndRef { Own = found[0], LocationId = found[0].LocationId };
                problems.Add(r.Where, field, $"'{text}': no {DesignKinds.ReferenceType(kind)} called '{name}' in the design or on the account.");
                return null;
            }
            if (Check.IsUid(text))
            {
                if (account.ByUid(text) is Service own) return new EndRef { Own = own, LocationId = own.LocationId };
                if (account.Partners.FirstOrDefault(pp => string.Equals(pp.ProductUid, text, StringComparison.OrdinalIgnoreCase)) is PartnerPort partner)
                    return new EndRef { Partner = partner, LocationId = partner.LocationId };
                problems.Add(r.Where, field, $"{text} is not a service on the account or a partner port.");
                return null;
            }
            var named = design.Resources.Where(x => x.Kind is not (DesignKind.Vxc or DesignKind.Ix) && x.Name == text && planned.ContainsKey(x)).ToList();
            if (named.Count == 1) return new EndRef { Planned = planned[named[0]], LocationId = LocationOf(planned[named[0]], account) };
            var services = account.Services.Where(s => s.Name == text && Products.Products.Of(s).IsVxcEnd).ToList();
            if (named.Count == 0 && services.Count == 1) return new EndRef { Own = services[0], LocationId = services[0].LocationId };
            problems.Add(r.Where, field, named.Count + services.Count == 0
                ? $"'{text}' is not a port, MCR, MVE or NAT gateway in the design or on the account."
                : $"'{text}' names {named.Count + services.Count} resources; use a {{{{.type.name}}}} reference or a UID.");
            return null;
        }

        static int? LocationOf(PlannedItem p, AccountState account) =>
            p.Existing?.LocationId ?? (p.Order?.Line switch
            {
                PortOrder port => port.LocationId,
                McrOrder mcr => mcr.LocationId,
                MveOrder mve => mve.LocationId,
                NatGatewaySpec nat => nat.LocationId,
                _ => null,
            });

        async Task<EndRef?> CloudEndAsync(DesignResource r, string field, JObject end, string cloud, string? pinned, PartnerConfig? partnerConfig,
            AccountState account, DesignProblems problems, CallContext ctx)
        {
            // Keyed clouds: the key in the partner config says which ports the VXC may use.
            var keyed = partnerConfig switch
            {
                AzurePartnerConfig az => (CloudKeyKind.Azure, az.ServiceKey),
                GooglePartnerConfig g => (CloudKeyKind.Google, g.PairingKey),
                OraclePartnerConfig o => (CloudKeyKind.Oracle, o.VirtualCircuitId),
                _ => ((CloudKeyKind, string)?)null,
            };
            // A pinned port (an export writes one) is used as it is: the key is not looked up again.
            if (keyed is (CloudKeyKind kind, string key) && pinned == null)
            {
                try
                {
                    var target = await _resolver.CloudKeyAsync(kind, key, pinned, _ => true, ctx).ConfigureAwait(false);
                    var partner = account.Partners.FirstOrDefault(p => string.Equals(p.ProductUid, target.ProductUid, StringComparison.OrdinalIgnoreCase));
                    return new EndRef { Keyed = target, Partner = partner, LocationId = partner?.LocationId };
                }
                catch (MegaportException ex) when (ex.IsItemFailure)
                {
                    problems.Add(r.Where, field, ex.Message);
                    return null;
                }
            }
            var candidates = account.Partners.Where(p => string.Equals(p.ConnectType, cloud, StringComparison.OrdinalIgnoreCase) && p.VxcPermitted).ToList();
            if (pinned != null)
            {
                var port = account.Partners.FirstOrDefault(p => string.Equals(p.ProductUid, pinned, StringComparison.OrdinalIgnoreCase));
                if (port == null || (keyed == null && !string.Equals(port.ConnectType, cloud, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add(r.Where, $"{field}.product_uid", $"{pinned} is not a {cloud} partner port.");
                    return null;
                }
                return new EndRef { Partner = port, LocationId = port.LocationId };
            }
            Location? location = null;
            var given = end["location_id"] ?? end["location"];
            problems.Try(r.Where, $"{field}.location", () =>
                location = given!.Type == JTokenType.Integer ? LocationRules.Find(account.Locations, (int)given) : LocationRules.Single(account.Locations, given.ToString()));
            if (location == null) return null;
            var zone = end["diversity_zone"]?.ToString();
            var here = candidates.Where(p => p.LocationId == location.Id && (zone == null || string.Equals(p.DiversityZone, zone, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(p => p.Rank).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.ProductUid, StringComparer.Ordinal).FirstOrDefault();
            if (here == null)
            {
                problems.Add(r.Where, field, $"no {cloud} partner port takes VXCs at {location.Name}{(zone != null ? $" in the {zone} zone" : "")}; Get-MegaportPartnerPort -ConnectType {cloud} lists them.");
                return null;
            }
            return new EndRef { Partner = here, LocationId = here.LocationId };
        }

        PartnerConfig? Config(DesignResource r, string field, DesignProblems problems)
        {
            if (r.Obj(field) is not JObject fields) return null;
            PartnerConfig? config = null;
            problems.Try(r.Where, field, () => config = PartnerConfigFields.Parse(WithSecrets(fields)));
            return config;
        }

        async Task PlanVxcAsync(Design design, DesignResource r, PlannedItem item, AccountState account, Dictionary<DesignResource, PlannedItem> planned, Diff diff, DesignProblems problems, CallContext ctx)
        {
            var aConfig = Config(r, "a_end_partner_config", problems);
            var bConfig = Config(r, "b_end_partner_config", problems);
            var aEnd = r.Obj("a_end");
            var bEnd = r.Obj("b_end");
            if (aEnd == null || bEnd == null) return;
            item.A = await ResolveEndAsync(design, r, "a_end", aEnd, aConfig, account, planned, problems, ctx).ConfigureAwait(false);
            item.B = await ResolveEndAsync(design, r, "b_end", bEnd, bConfig, account, planned, problems, ctx).ConfigureAwait(false);
            if (item.A == null || item.B == null) return;
            if (item.A.Partner != null || item.A.Keyed != null) problems.Add(r.Where, "a_end", $"'{item.A.Name}' is a partner port; a VXC starts from a port, MCR, MVE or NAT gateway of yours.");
            var cloud = item.B.Partner?.ConnectType ?? (item.B.Keyed != null ? PartnerConfigFields.ConnectTypeOf(r.Obj("b_end_partner_config")!) : null);
            if (cloud is string ct && ct != ConnectTypes.Marketplace && ct != ConnectTypes.Transit && bConfig == null && item.Existing == null)
                problems.Add(r.Where, "b_end_partner_config", $"the B-End is a {ct} port: give its partner config (connectType {ct} and the cloud's fields).");
            var rate = r.Int("rate_limit") ?? 0;
            if (item.B.Partner is PartnerPort pp && pp.VxcSpeedLimit > 0 && rate > pp.VxcSpeedLimit)
                problems.Add(r.Where, "rate_limit", $"{rate} Mbps is more than '{pp.Name}' accepts ({pp.VxcSpeedLimit} Mbps).");
            if (item.Existing is not Vxc vxc) return;

            var aUid = item.A.Uid;
            var bUid = item.B.Uid;
            var change = new VxcChange();
            var any = false;
            any |= diff.Add("rate_limit", vxc.RateLimit, r.Int("rate_limit"), true) && (change.RateLimit = r.Int("rate_limit")) != null;
            any |= diff.Add("term", vxc.Term, r.Int("term"), true) && (change.Term = r.Int("term")) != null;
            any |= diff.Add("cost_centre", vxc.CostCentre ?? "", r.Str("cost_centre"), true) && (change.CostCentre = r.Str("cost_centre")) != null;
            any |= diff.Add("shutdown", vxc.Shutdown, r.Bool("shutdown"), true) && (change.Shutdown = r.Bool("shutdown")) != null;
            var aVlan = aEnd["vlan"] is JToken av && (int)av != 0 ? (int?)av : null;
            var bVlan = bEnd["vlan"] is JToken bv && (int)bv != 0 ? (int?)bv : null;
            any |= diff.Add("a_end.vlan", vxc.AEnd.Vlan, aVlan, true) && (change.AEndVlan = aVlan) != null;
            any |= diff.Add("b_end.vlan", vxc.BEnd.Vlan, bVlan, true) && (change.BEndVlan = bVlan) != null;
            // Moving an end: only between your own ports; a partner end stays where it was ordered.
            if (!item.A.Is(vxc.AEnd.ProductUid))
                any |= diff.Add("a_end", vxc.AEnd.ProductName ?? vxc.AEnd.ProductUid, item.A.Name, item.A.Own is Port && aUid != null) && (change.AEndProductUid = aUid) != null;
            if (!item.B.Is(vxc.BEnd.ProductUid))
                any |= diff.Add("b_end", vxc.BEnd.ProductName ?? vxc.BEnd.ProductUid, item.B.Name, item.B.Own is Port && bUid != null && vxc.ConnectType == null) && (change.BEndProductUid = bUid) != null;
            if (any && diff.Conflicts.Count == 0) Update(item, vxc, change);
        }

        async Task PlanIxAsync(Design design, DesignResource r, PlannedItem item, AccountState account, Dictionary<DesignResource, PlannedItem> planned, Diff diff, DesignProblems problems, CallContext ctx)
        {
            var port = r.Str("port");
            if (port == null) return;
            var end = await ResolveEndAsync(design, r, "port", new JObject { ["product_uid"] = port }, null, account, planned, problems, ctx).ConfigureAwait(false);
            if (end == null) return;
            if (end.Partner != null || (end.Own != null && end.Own is not Port) || (end.Planned != null && end.Planned.Kind != DesignKind.Port))
            {
                problems.Add(r.Where, "port", $"'{end.Name}' is not a port; an IX is on one of your ports.");
                return;
            }
            item.A = end;
            if (item.Existing is not Ix ix) return;
            diff.Add("port", account.ByUid(ix.PortUid ?? "")?.Name ?? ix.PortUid, end.Is(ix.PortUid) ? null : end.Name, inPlace: false);
            diff.Add("network_service_type", ix.NetworkServiceType, r.Str("network_service_type"), inPlace: false);
            var change = new IxChange();
            var any = false;
            any |= diff.Add("asn", ix.Asn, r.Long("asn"), true) && (change.Asn = r.Long("asn")) != null;
            any |= diff.Add("mac_address", ix.MacAddress?.ToLowerInvariant(), r.Str("mac_address")?.ToLowerInvariant(), true) && (change.MacAddress = r.Str("mac_address")) != null;
            any |= diff.Add("rate_limit", ix.RateLimit, r.Int("rate_limit"), true) && (change.RateLimit = r.Int("rate_limit")) != null;
            any |= diff.Add("vlan", ix.Vlan, r.Int("vlan") is int v && v != 0 ? v : null, true) && (change.Vlan = r.Int("vlan")) != null;
            any |= diff.Add("shutdown", ix.Shutdown, r.Bool("shutdown"), true) && (change.Shutdown = r.Bool("shutdown")) != null;
            if (any) Update(item, ix, change);
        }

        /// <summary>
        /// The order of a VXC or an IX once its ends exist (at plan time when they do already; during a deploy once
        /// this run has bought them).
        /// </summary>
        public OrderItem? EndItem(PlannedItem item)
        {
            var r = item.Resource!;
            var a = item.A?.Uid;
            if (a == null) return null;
            var term = r.Int("term") ?? 1;
            if (item.Kind == DesignKind.Ix)
            {
                var detail = new IxOrderDetail
                {
                    Name = r.Name, NetworkServiceType = r.Str("network_service_type") ?? "", Asn = r.Long("asn") ?? 0, MacAddress = r.Str("mac_address") ?? "",
                    RateLimit = r.Int("rate_limit") ?? 0, Vlan = r.Int("vlan") ?? 0, Shutdown = r.Bool("shutdown") ?? false, PromoCode = r.Str("promo_code"),
                };
                return new OrderItem(Products.Products.Ix, r.Name, new IxOrder(a, detail), $"IX '{r.Name}' ({detail.RateLimit} Mbps, {detail.NetworkServiceType}) on {item.A!.Name}");
            }
            var b = item.B?.Uid;
            if (b == null) return null;
            var aEnd = r.Obj("a_end")!;
            var bEnd = r.Obj("b_end")!;
            int? Vlan(JObject end, string key) => end[key] is JToken v && (int)v != 0 ? (int)v : null;
            var aConfig = r.Obj("a_end_partner_config") is JObject ac ? PartnerConfigFields.Parse(WithSecrets(ac)) : null;
            var bConfig = r.Obj("b_end_partner_config") is JObject bc ? PartnerConfigFields.Parse(WithSecrets(bc))
                : item.B!.Partner?.ConnectType == ConnectTypes.Transit ? new TransitPartnerConfig() : null;
            var vxc = new VxcOrderDetail
            {
                Name = r.Name, RateLimit = r.Int("rate_limit") ?? 0, Term = term, Shutdown = r.Bool("shutdown") ?? false,
                PromoCode = r.Str("promo_code"), CostCentre = r.Str("cost_centre"), Tags = TagsOf(r.Obj("resource_tags")),
                AEnd = new VxcOrderEnd { Vlan = Vlan(aEnd, "vlan"), InnerVlan = Vlan(aEnd, "inner_vlan"), VNicIndex = aEnd["vnic_index"] is JToken n ? (int)n : null, PartnerConfig = aConfig },
                BEnd = new VxcOrderEnd { ProductUid = b, Vlan = Vlan(bEnd, "vlan"), PartnerConfig = bConfig },
            };
            var kind = bConfig?.ConnectType is string ct ? ct + " " : "";
            return new OrderItem(Products.Products.Vxc, r.Name, new VxcOrder(a, vxc),
                $"{kind}VXC '{r.Name}' ({vxc.RateLimit} Mbps) from {item.A!.Name} to {item.B!.Name}, {OrderItem.Months(term)}");
        }

        /// <summary>Prices every Create: validate where the order can be made now, the price book for a VXC whose end is still to be bought.</summary>
        async Task PriceAsync(DesignPlan plan, DesignProblems problems, CallContext ctx)
        {
            var creates = plan.Items.Where(i => i.Change.Action == DesignAction.Create && i.Resource != null).ToList();
            await Task.WhenAll(creates.Select(async item =>
            {
                try
                {
                    var order = item.Order ?? EndItem(item);
                    if (order != null)
                    {
                        var quotes = await _placer.QuoteAsync(order, ctx).ConfigureAwait(false);
                        SetPrice(item, quotes, "validate");
                    }
                    else if (item.Kind == DesignKind.Vxc && item.A?.LocationId is int aLoc && item.B?.LocationId is int bLoc)
                    {
                        var r = item.Resource!;
                        var request = PriceRequest.Vxc(aLoc, bLoc, r.Int("rate_limit") ?? 0, r.Int("term") ?? 1, item.A.ProductType, item.B.Partner?.ConnectType);
                        var quote = await _api.GetPriceAsync(request, item.Change.Name, null, ctx).ConfigureAwait(false);
                        SetPrice(item, new[] { quote }, "the price book");
                    }
                    else if (item.A != null) item.Change.Message = "Priced once its port is bought.";
                }
                catch (MegaportException ex) when (ex.IsItemFailure)
                {
                    lock (problems) problems.Add(ex, item.Resource!.Where);
                }
            })).ConfigureAwait(false);
        }

        static void SetPrice(PlannedItem item, IReadOnlyList<Quote> quotes, string how)
        {
            var priced = quotes.Where(q => q.Currency != null).ToList();
            if (priced.Count == 0) return;
            item.Change.MonthlyPrice = priced.Sum(q => q.MonthlyRate);
            item.Change.Currency = priced[0].Currency;
            item.Change.Message = $"Priced by {how}.";
        }

        /// <summary>A copy with every {{.secret.NAME}} replaced by its value: only for a request about to be built.</summary>
        JObject WithSecrets(JObject fields)
        {
            var copy = (JObject)fields.DeepClone();
            foreach (var value in copy.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
                value.Value = DesignBinder.WithSecrets((string)value.Value!, name =>
                    _secrets.TryGetValue(name, out var s) ? new NetworkCredential(string.Empty, s).Password
                        : throw MegaportException.InvalidArgument($"The secret '{name}' is not given.", name));
            return copy;
        }
    }
}
