using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products.LookingGlass;

/// <summary>One vRouter interface of the MCR: an interface of the end config of a VXC that ends on the MCR.</summary>
public sealed record LgInterface(VxcService Vxc, string Name, JsonObject Config, bool Up, long? UpSinceMs);

/// <summary>A BGP session from an interface's <c>bgpConnections</c>.</summary>
public sealed record LgSession(string Id, LgInterface Interface, string LocalAddress, string NeighborAddress, long NeighborAsn, long LocalAsn,
    bool Up, string Description, PrefixPolicy Import, PrefixPolicy Export, int Prepend, int? MedIn, int? MedOut);

/// <summary>A row of any of the tables: the IP routing table, the BGP table, or a neighbor's routes.</summary>
public sealed class LgRoute
{
    public required string Prefix { get; init; }
    public required string NextHop { get; init; }
    public required string Protocol { get; init; }
    public LgInterface? Interface { get; init; }
    public LgSession? Session { get; init; }
    public long[] AsPath { get; init; } = [];
    public int? LocalPref { get; init; }
    public int? Med { get; init; }
    public int? Metric { get; init; }
    public string? Origin { get; init; }
    public string[] Communities { get; init; } = [];
    public bool Valid { get; init; } = true;
    public bool Best { get; set; }
    public long? AgeSeconds { get; init; }
}

/// <summary>
/// Makes an MCR's looking glass up from the simulator's state, the same way on every call: its interfaces and BGP
/// sessions come from the vRouter configs of its VXCs (the end that is this MCR); a session is UP while its VXC is
/// LIVE and neither the VXC nor the session is shut down. Each UP session teaches a few prefixes derived from the
/// peer's ASN; the IP table adds CONNECTED and LOCAL routes for interface addresses and STATIC ones from ipRoutes.
/// Sessions naming prefix lists are filtered through <see cref="IPrefixListSource"/>. Call under the state lock.
/// </summary>
public sealed class LookingGlassSynth
{
    private readonly SimulatorState _state;
    private readonly IPrefixListSource _lists;
    private List<LgInterface>? _interfaces;
    private List<LgSession>? _sessions;
    private readonly int _routesPerSession;
    private Dictionary<LgSession, List<LgRoute>>? _received;

    public LookingGlassSynth(SimulatorState state, McrService mcr, IPrefixListSource? lists = null, int routesPerSession = 0)
    {
        _state = state;
        Mcr = mcr;
        _lists = lists ?? NoPrefixLists.Instance;
        _routesPerSession = routesPerSession;
    }

    public McrService Mcr { get; }

    public IReadOnlyList<LgInterface> Interfaces => _interfaces ??= ReadInterfaces().ToList();

    public IReadOnlyList<LgSession> Sessions => _sessions ??= Interfaces.SelectMany(ReadSessions).ToList();

    private IEnumerable<LgInterface> ReadInterfaces()
    {
        foreach (var v in _state.AttachedTo(Mcr.Uid).OfType<VxcService>())
        {
            if (v.Status == ProvisioningStatus.Decommissioned) continue;
            var up = v.Status == ProvisioningStatus.Live && !v.Shutdown;
            long? since = up ? Math.Max(v.LiveDate ?? v.CreateDate, Mcr.LiveDate ?? Mcr.CreateDate) : null;
            foreach (var config in EndConfigs(v))
            {
                var list = (config["interfaces"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
                for (var i = 0; i < list.Count; i++)
                    yield return new LgInterface(v, list.Count == 1 ? $"vxc{v.ProductId}" : $"vxc{v.ProductId}.{i + 1}", list[i], up, since);
            }
        }
    }

    private IEnumerable<JsonObject> EndConfigs(VxcService v)
    {
        if (Same(v.A.ProductUid) && v.APartnerConfig is { } a) yield return a;
        if (Same(v.B.ProductUid) && v.BPartnerConfig is { } b && b.ContainsKey("interfaces")) yield return b;
    }

    private bool Same(string uid) => string.Equals(uid, Mcr.Uid, StringComparison.OrdinalIgnoreCase);

    private IEnumerable<LgSession> ReadSessions(LgInterface i)
    {
        foreach (var b in (i.Config["bgpConnections"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var peer = Cidr.HostPart(Str(b, "peerIpAddress") ?? "");
            if (peer.Length == 0) continue;
            yield return new LgSession(
                SessionId(i.Vxc, peer), i, Cidr.HostPart(Str(b, "localIpAddress") ?? ""), peer, Long(b, "peerAsn") ?? 0,
                Long(b, "localAsn") ?? Mcr.Asn, i.Up && !Bool(b, "shutdown"), Str(b, "description") ?? "",
                new PrefixPolicy(List(b, "importWhitelist"), List(b, "importBlacklist")),
                new PrefixPolicy(List(b, "exportWhitelist"), List(b, "exportBlacklist")),
                (int)(Long(b, "asPathPrependCount") ?? 0), (int?)Long(b, "medIn"), (int?)Long(b, "medOut"));
        }
    }

    /// <summary>Stable per VXC and peer, so a session keeps its id across reads (and restarts of the simulator).</summary>
    public static string SessionId(VxcService v, string peer) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(v.Uid.ToLowerInvariant() + "|" + peer)))[..16];

    private PrefixListView? List(JsonObject b, string key) => Long(b, key) is long id ? _lists.Find(Mcr, (int)id) : null;

    private long? Age(long? sinceMs) => sinceMs is long s ? Math.Max(0, (_state.Now - s) / 1000) : null;

    /// <summary>What the neighbor sends: two to four prefixes derived from its ASN; Valid says whether the import policy takes each.</summary>
    public IReadOnlyList<LgRoute> Received(LgSession s) => Learned().TryGetValue(s, out var routes) ? routes : [];

    /// <summary>The BGP table: every accepted path, sorted; per prefix the shortest AS path (then the first session) is best.</summary>
    public IReadOnlyList<LgRoute> BgpTable() => Sorted(Learned().Values.SelectMany(r => r).Where(r => r.Valid).ToList());

    /// <summary>Every UP session's routes, made once per synthesizer so that Best is the same wherever a path is shown.</summary>
    private Dictionary<LgSession, List<LgRoute>> Learned()
    {
        if (_received is not null) return _received;
        _received = Sessions.Where(s => s.Up).ToDictionary<LgSession, LgSession, List<LgRoute>>(s => s, Learn, ReferenceEqualityComparer.Instance);
        foreach (var group in _received.Values.SelectMany(r => r).Where(r => r.Valid).GroupBy(r => r.Prefix))
            group.OrderBy(r => r.AsPath.Length).First().Best = true;
        return _received;
    }

    private List<LgRoute> Learn(LgSession s)
    {
        var v6 = s.NeighborAddress.Contains(':');
        var n = _routesPerSession > 0 ? _routesPerSession : 2 + (int)(s.NeighborAsn % 3);
        var routes = new List<LgRoute>(n);
        for (var i = 0; i < n; i++)
        {
            // A big table: past 256 prefixes the IPv4 ones become host routes inside the peer's /16 (IPv6: /80s past 65,536).
            var prefix = v6 ? (i < 65536 ? $"2001:db8:{s.NeighborAsn % 0xFFFF:x}:{i:x}::/64" : $"2001:db8:{s.NeighborAsn % 0xFFFF:x}:{i / 65536:x}:{i % 65536:x}::/80")
                : i < 256 ? $"10.{1 + s.NeighborAsn % 250}.{i}.0/24" : $"10.{1 + s.NeighborAsn % 250}.{i / 256 % 256}.{i % 256}/32";
            routes.Add(new LgRoute
            {
                Prefix = prefix, NextHop = s.NeighborAddress, Protocol = "BGP", Interface = s.Interface, Session = s,
                AsPath = i == 0 ? [s.NeighborAsn] : [s.NeighborAsn, 64600 + i], LocalPref = 100, Med = s.MedIn ?? 0,
                Origin = "IGP", Communities = s.NeighborAsn <= 65535 ? [$"{s.NeighborAsn}:{100 + i}"] : [],
                Valid = s.Import.Allows(prefix), AgeSeconds = Age(s.Interface.UpSinceMs),
            });
        }
        return routes;
    }

    /// <summary>The IP routing table: CONNECTED and LOCAL per interface address, STATIC per ipRoute, and the best BGP paths.</summary>
    public IReadOnlyList<LgRoute> IpRoutes()
    {
        var routes = new List<LgRoute>();
        foreach (var i in Interfaces.Where(i => i.Up))
        {
            var age = Age(i.UpSinceMs);
            foreach (var address in Strings(i.Config, "ipAddresses"))
            {
                if (!Cidr.TryParse(address, out var net) || !Cidr.TryAddress(Cidr.HostPart(address), out var host)) continue;
                var none = net.IsV6 ? "::" : "0.0.0.0";
                routes.Add(new LgRoute { Prefix = net.ToString(), NextHop = none, Protocol = "CONNECTED", Interface = i, Metric = 0, AgeSeconds = age, Best = true });
                routes.Add(new LgRoute { Prefix = new Cidr(host, net.MaxLength).ToString(), NextHop = none, Protocol = "LOCAL", Interface = i, Metric = 0, AgeSeconds = age, Best = true });
            }
            foreach (var r in (i.Config["ipRoutes"] as JsonArray)?.OfType<JsonObject>() ?? [])
                if (Cidr.TryParse(Str(r, "prefix"), out var net))
                    routes.Add(new LgRoute { Prefix = net.ToString(), NextHop = Str(r, "nextHop") ?? "", Protocol = "STATIC", Interface = i, Metric = 1, AgeSeconds = age, Best = true });
        }
        routes.AddRange(BgpTable().Where(r => r.Best).Select(r => new LgRoute
        {
            Prefix = r.Prefix, NextHop = r.NextHop, Protocol = "BGP", Interface = r.Interface, Session = r.Session, AsPath = r.AsPath,
            LocalPref = r.LocalPref, Med = r.Med, Metric = r.Med, Origin = r.Origin, Communities = r.Communities, AgeSeconds = r.AgeSeconds, Best = true,
        }));
        return Sorted(routes);
    }

    /// <summary>
    /// What the MCR sends one neighbor: its connected and static networks and the best BGP paths learned from other
    /// neighbors, as the neighbor sees them (the local ASN prepended, next hop the session's local address), after
    /// the session's export policy.
    /// </summary>
    public IReadOnlyList<LgRoute> Advertised(LgSession s)
    {
        if (!s.Up) return [];
        var local = Enumerable.Repeat(s.LocalAsn, 1 + Math.Max(0, s.Prepend)).ToArray();
        var seen = new HashSet<string>();
        var routes = new List<LgRoute>();
        foreach (var r in IpRoutes())
        {
            if (r.Protocol == "LOCAL" || ReferenceEquals(r.Session, s) || !seen.Add(r.Prefix) || !s.Export.Allows(r.Prefix)) continue;
            if (r.Prefix.Contains(':') != s.NeighborAddress.Contains(':')) continue;
            routes.Add(new LgRoute
            {
                Prefix = r.Prefix, NextHop = s.LocalAddress, Protocol = r.Protocol, Interface = s.Interface, Session = s,
                AsPath = [.. local, .. r.AsPath], Med = s.MedOut, Origin = r.Protocol == "BGP" ? r.Origin : "INCOMPLETE",
                Communities = r.Communities, Best = true,
            });
        }
        return routes;
    }

    /// <summary>The MCR's own addresses on its interfaces that are up (what a ping may be sent from).</summary>
    public IEnumerable<string> Addresses() =>
        Interfaces.Where(i => i.Up).SelectMany(i => Strings(i.Config, "ipAddresses")).Select(Cidr.HostPart);

    /// <summary>The route the MCR would use for <paramref name="destination"/>: the longest matching prefix, or null.</summary>
    public LgRoute? Lookup(IPAddress destination) =>
        IpRoutes().Where(r => Cidr.TryParse(r.Prefix, out var c) && c.Contains(destination))
            .OrderByDescending(r => Cidr.TryParse(r.Prefix, out var c) ? c.Length : -1).FirstOrDefault();

    /// <summary>Keeps only the rows matching the looking glass's <c>ip</c> filter.</summary>
    public static IReadOnlyList<LgRoute> Filter(IReadOnlyList<LgRoute> routes, Cidr? filter, bool isAddress) =>
        filter is Cidr f ? routes.Where(r => Cidr.Matches(r.Prefix, f, isAddress)).ToList() : routes;

    private static List<LgRoute> Sorted(List<LgRoute> routes)
    {
        routes.Sort((a, b) =>
        {
            var byPrefix = Cidr.TryParse(a.Prefix, out var x) && Cidr.TryParse(b.Prefix, out var y) ? Cidr.Compare(x, y) : string.CompareOrdinal(a.Prefix, b.Prefix);
            return byPrefix != 0 ? byPrefix : string.CompareOrdinal(a.Protocol, b.Protocol);
        });
        return routes;
    }

    private static string? Str(JsonObject o, string key) =>
        o[key] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    // Numbers may be held as int, long or text (seed data, parsed requests): read them through their JSON text.
    private static long? Long(JsonObject o, string key)
    {
        if (o[key] is not JsonValue v) return null;
        var text = v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
            System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };
        return long.TryParse(text, out var n) ? n : null;
    }

    private static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private static IEnumerable<string> Strings(JsonObject o, string key) =>
        (o[key] as JsonArray)?.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>() ?? [];
}
