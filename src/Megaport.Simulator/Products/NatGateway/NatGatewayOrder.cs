using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Megaport.Simulator.Seed;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Products.PortLikeRules;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>
/// NAT gateway rules: the design's fields (create and the whole-object PUT), the speed/session matrix, pricing of a
/// design (or of a full line, priced without creating anything), and the syntax of packet filter and prefix list entries.
/// </summary>
public static partial class NatGatewayOrder
{
    /// <summary>Session counts offered per speed (Mbps), as <c>GET /v3/products/nat_gateways/sessions</c> lists them.</summary>
    public static readonly SortedDictionary<int, int[]> Sessions = new()
    {
        [1000] = [4000, 8000, 16000],
        [2500] = [16000, 32000],
        [5000] = [32000, 64000],
        [10000] = [64000, 128000, 256000],
    };

    private static readonly Dictionary<int, decimal> RackUsd = new() { [1000] = 350, [2500] = 600, [5000] = 950, [10000] = 1600 };

    private static readonly ObjectShape Config = Shape.Fields("asn", "bgpShutdownDefault", "diversityZone", "sessionCount");

    /// <summary>The design's fields: the create body, and the whole object a PUT sends.</summary>
    public static readonly ObjectShape DesignFields = Shape.Fields(
            "productName", "locationId", "speed", "term", "autoRenewTerm", "promoCode", "serviceLevelReference", "costCentre")
        .With("config", Config).With("resourceTags", TagList);

    /// <summary>A full NAT_GATEWAY line in a validate body: priced as a design would be, nothing is created.</summary>
    public static readonly ObjectShape LineFields = DesignFields.Plus(Shape.Fields("productType"));

    /// <summary>A new DESIGN from a create body (not stored: the caller adds it).</summary>
    public static NatGatewayService New(SimulatorState state, JsonFields f)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = ActiveLocation(state, f);
        var speed = Speed(f);
        var zone = PickZone(f, loc, RequestedZone(f, loc), speed, z => z.NatGatewaySpeeds, "speed");
        var config = f.Sub("config");
        var n = NewPortLike(new NatGatewayService
        {
            Uid = Guid.NewGuid().ToString(), Name = name, LocationId = loc.Id, Market = loc.Market, Speed = speed, DiversityZone = zone,
            Term = term, Company = state.Account, CreatedBy = SeedIds.DemoUser, Status = NatGatewayService.Design,
            SessionCount = SessionCount(config, speed), AutoRenewTerm = f.Bool("autoRenewTerm") ?? false,
            BgpShutdownDefault = config.Bool("bgpShutdownDefault") ?? false, ServiceLevelReference = Reference(f),
            UsageAlgorithm = "POST_PAID_FIXED",
        }, f);
        var asn = Asn(config, "asn", required: false);
        n.Asn = asn == 0 ? NatGatewayService.DefaultAsn : asn;
        return n;
    }

    /// <summary>
    /// A PUT sends the whole object: name, speed, term and session count are required; the location and zone cannot move;
    /// tags in the body replace the gateway's.
    /// </summary>
    public static void Update(SimulatorState state, NatGatewayService n, JsonFields f)
    {
        var name = Name(f);
        var term = Term(f);
        var loc = state.LocationsById[n.LocationId];
        if (f.Int("locationId") is int id && id != n.LocationId) throw f.Fail($"locationId {id}: a NAT gateway cannot move (it is at {n.LocationId})");
        var speed = Speed(f);
        var config = f.Sub("config");
        if (config.Str("diversityZone") is { Length: > 0 } zone && !zone.Equals(n.DiversityZone, StringComparison.OrdinalIgnoreCase))
            throw f.Fail($"config.diversityZone {zone}: a NAT gateway cannot change zone (it is in {n.DiversityZone})");
        if (n.DiversityZone is { } current && loc.ZoneByName(current) is { } z && !z.NatGatewaySpeeds.Contains(speed))
            throw f.Fail($"speed {speed} is not available at location {loc.Id} ({loc.Name}) in the {current} zone");
        var sessions = SessionCount(config, speed);
        var asn = Asn(config, "asn", required: false);
        n.Name = name;
        n.Term = term;
        n.Speed = speed;
        n.SessionCount = sessions;
        if (asn != 0) n.Asn = asn;
        if (config.Bool("bgpShutdownDefault") is bool shut) n.BgpShutdownDefault = shut;
        if (f.Bool("autoRenewTerm") is bool renew) n.AutoRenewTerm = renew;
        if (f.Has("serviceLevelReference")) n.ServiceLevelReference = Reference(f);
        if (f.Has("promoCode")) n.PromoCode = f.Str("promoCode");
        if (f.Has("costCentre")) n.CostCentre = CostCentre(f);
        if (f.Has("resourceTags")) n.Tags = Tags(f);
    }

    /// <summary>
    /// An item of a network design: a design named by UID (validated, or bought by the v3 buy), or a full NAT_GATEWAY line,
    /// which is only priced — a NAT gateway is bought as a design.
    /// </summary>
    public static void Plan(OrderPlan plan, JsonFields f, string? designUid)
    {
        NatGatewayService n;
        if (designUid is null)
        {
            if (plan.Mode != OrderMode.Validate)
                throw f.Fail("a NAT gateway is bought as a design: create it with POST /v3/products/nat_gateways, then buy [{\"productUid\": …}] with POST /v3/networkdesign/buy");
            n = New(plan.State, f);
        }
        else
        {
            n = (NatGatewayService)plan.State.Services[designUid];
            if (!n.IsDesign) throw f.Fail($"productUid {designUid}: NAT gateway {n.Name} is {n.Status}; only a DESIGN can be validated or bought");
            if (plan.Mode == OrderMode.Buy) throw f.Fail("NAT gateway designs are bought with POST /v3/networkdesign/buy (a bare array), not with /v4");
        }
        var loc = plan.State.LocationsById[n.LocationId];
        plan.Add(new PlannedService { Service = n, Metro = loc.Metro, Price = Price(loc, n), LineProductUid = designUid, Design = designUid is not null });
    }

    /// <summary>A rack rate by speed, plus 40 USD for each session tier above the speed's smallest.</summary>
    public static Price Price(Location loc, NatGatewayService n)
    {
        var tier = Array.IndexOf(Sessions.GetValueOrDefault(n.Speed, []), n.SessionCount);
        var usd = RackUsd.GetValueOrDefault(n.Speed, n.Speed / 5m) + Math.Max(0, tier) * 40m;
        return Pricing.Fixed("NAT_GATEWAY", loc, usd, n.Term);
    }

    private static int Speed(JsonFields f)
    {
        var speed = f.Int("speed") ?? throw f.Fail("speed is required");
        if (!Sessions.ContainsKey(speed)) throw f.Fail($"speed {speed} is not a NAT gateway speed ({string.Join(", ", Sessions.Keys)})");
        return speed;
    }

    private static int SessionCount(JsonFields config, int speed)
    {
        var count = config.Int("sessionCount") ?? throw config.Fail($"{config.Path("sessionCount")} is required");
        if (!Sessions[speed].Contains(count))
            throw config.Fail($"{config.Path("sessionCount")} {count} is not offered at {speed} Mbps (offered: {string.Join(", ", Sessions[speed])})");
        return count;
    }

    private static string? Reference(JsonFields f)
    {
        var r = f.Str("serviceLevelReference");
        if (r is { Length: > 255 }) throw f.Fail("serviceLevelReference must be at most 255 characters");
        return string.IsNullOrEmpty(r) ? null : r;
    }

    // ------------------------------------------------------------------ packet filters and prefix lists

    private static readonly ObjectShape PacketFilterEntry =
        Shape.Fields("action", "description", "sourceAddress", "destinationAddress", "sourcePorts", "destinationPorts", "ipProtocol");

    public static readonly ObjectShape PacketFilterFields = Shape.Fields("description").With("entries", Shape.ListOf(PacketFilterEntry));
    public static readonly ObjectShape PrefixListFields = Shape.Fields("description", "addressFamily").With("entries", Shape.ListOf(PrefixListRules.EntryShape));

    [GeneratedRegex("^[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*$")] private static partial Regex PortList();

    public static (string Description, List<NatPacketFilterEntry> Entries) PacketFilter(JsonFields f)
    {
        var description = ListDescription(f);
        var entries = new List<NatPacketFilterEntry>();
        foreach (var e in Entries(f, PacketFilterEntry))
        {
            var entry = new NatPacketFilterEntry
            {
                Action = Action(e),
                Description = e.Str("description") is { Length: > 0 } d ? d : null,
                SourceAddress = Cidr(e, "sourceAddress"),
                DestinationAddress = Cidr(e, "destinationAddress"),
                SourcePorts = Ports(e, "sourcePorts"),
                DestinationPorts = Ports(e, "destinationPorts"),
                IpProtocol = e.Int("ipProtocol") is int p and not 0 ? p : null,
            };
            if (entry.IpProtocol is < 0 or > 255) throw e.Fail($"{e.Path("ipProtocol")} {entry.IpProtocol} is invalid (0-255)");
            if (entry.Description is { Length: > 255 }) throw e.Fail($"{e.Path("description")} must be at most 255 characters");
            entries.Add(entry);
        }
        return (description, entries);
    }

    /// <summary>A prefix list from a POST or PUT body: the whole list (ge/le are text on this API).</summary>
    public static PrefixList PrefixList(JsonFields f, int id)
    {
        var description = ListDescription(f);
        var family = PrefixListRules.Family(f, current: null);
        return new PrefixList { Id = id, Description = description, AddressFamily = family, Entries = PrefixListRules.Entries(f, family, PrefixLengthForm.Text) };
    }

    private static string ListDescription(JsonFields f)
    {
        var d = f.Str("description");
        if (string.IsNullOrWhiteSpace(d)) throw f.Fail("description is required");
        if (d.Length > 255) throw f.Fail("description must be at most 255 characters");
        return d;
    }

    private static IEnumerable<JsonFields> Entries(JsonFields f, ObjectShape entry)
    {
        var arr = f.Arr("entries");
        if (arr is null || arr.Count == 0) throw f.Fail("entries must hold at least one entry");
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is not JsonObject o) throw f.Fail($"entries[{i}] must be an object");
            yield return new JsonFields(o, f.Label, $"entries[{i}].", entry);
        }
    }

    private static string Action(JsonFields e) => e.Str("action")?.ToLowerInvariant() switch
    {
        "permit" => "permit",
        "deny" => "deny",
        var a => throw e.Fail($"{e.Path("action")} '{a}' is invalid (permit or deny)"),
    };

    /// <summary>An address with a prefix length.</summary>
    private static string Cidr(JsonFields e, string key)
    {
        var text = e.Str(key);
        if (string.IsNullOrEmpty(text)) throw e.Fail($"{e.Path(key)} is required");
        var parts = text.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var len))
            throw e.Fail($"{e.Path(key)} '{text}' is not an address with a prefix length (10.0.0.0/24)");
        var v6 = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        if (len > (v6 ? 128 : 32)) throw e.Fail($"{e.Path(key)} '{text}' has a prefix length beyond {(v6 ? 128 : 32)}");
        return text;
    }

    private static string? Ports(JsonFields e, string key)
    {
        var text = e.Str(key);
        if (string.IsNullOrEmpty(text)) return null;
        var ok = PortList().IsMatch(text) && text.Split(',').All(r =>
        {
            var ends = r.Split('-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return ends.All(p => p <= 65535) && (ends.Length == 1 || ends[0] <= ends[1]);
        });
        if (!ok) throw e.Fail($"{e.Path(key)} '{text}' is invalid: ports 0-65535 as 443, 1000-2000 or 80,443");
        return text;
    }
}
