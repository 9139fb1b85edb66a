using System.Net;
using System.Net.Sockets;

namespace Megaport.Simulator.Products.LookingGlass;

/// <summary>An IPv4 or IPv6 network: the address with the host bits cleared, and the prefix length.</summary>
public readonly record struct Cidr(IPAddress Network, int Length)
{
    public bool IsV6 => Network.AddressFamily == AddressFamily.InterNetworkV6;
    public int MaxLength => IsV6 ? 128 : 32;
    public override string ToString() => $"{Network}/{Length}";

    /// <summary>"10.0.0.1/30" (host bits are cleared: 10.0.0.0/30), or a bare address as a host route (/32, /128).</summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('/');
        if (parts.Length > 2 || !TryAddress(parts[0], out var ip)) return false;
        var max = ip.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var length = max;
        if (parts.Length == 2 && (!int.TryParse(parts[1], out length) || length < 0 || length > max)) return false;
        cidr = new Cidr(Mask(ip, length), length);
        return true;
    }

    /// <summary>A dotted-quad IPv4 or an IPv6 address (IPAddress.Parse alone would take "10" as 0.0.0.10).</summary>
    public static bool TryAddress(string? text, out IPAddress ip)
    {
        ip = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!IPAddress.TryParse(text, out var parsed)) return false;
        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3) return false;
        ip = parsed;
        return true;
    }

    /// <summary>The address part of "10.0.0.1/30".</summary>
    public static string HostPart(string text) => text.Split('/')[0].Trim();

    public bool Contains(IPAddress ip) =>
        ip.AddressFamily == Network.AddressFamily && Mask(ip, Length).Equals(Network);

    /// <summary>This network lies inside <paramref name="outer"/> (or is it).</summary>
    public bool Within(Cidr outer) => outer.Network.AddressFamily == Network.AddressFamily && Length >= outer.Length && outer.Contains(Network);

    public static IPAddress Mask(IPAddress ip, int length)
    {
        var bytes = ip.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(length - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }

    /// <summary>Orders networks by family, address, then length (how routing tables are listed).</summary>
    public static int Compare(Cidr a, Cidr b)
    {
        if (a.IsV6 != b.IsV6) return a.IsV6 ? 1 : -1;
        var x = a.Network.GetAddressBytes();
        var y = b.Network.GetAddressBytes();
        for (var i = 0; i < x.Length; i++)
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>
    /// The looking glass's <c>ip</c> filter: an address matches the routes that contain it, a prefix the routes equal
    /// to it or inside it.
    /// </summary>
    public static bool Matches(string routePrefix, Cidr filter, bool filterIsAddress) =>
        TryParse(routePrefix, out var route) && (filterIsAddress ? route.Contains(filter.Network) : route.Within(filter));
}

/// <summary>A prefix filter list as the synthesizer needs it: entries evaluated in order, the first match decides.</summary>
public sealed record PrefixListView(string AddressFamily, IReadOnlyList<PrefixListEntryView> Entries)
{
    /// <summary>permit or deny for the first matching entry; null when none matches.</summary>
    public string? Evaluate(string prefix)
    {
        if (!Cidr.TryParse(prefix, out var p)) return null;
        foreach (var e in Entries)
        {
            if (!Cidr.TryParse(e.Prefix, out var net) || !p.Within(net)) continue;
            var ge = e.Ge ?? net.Length;
            var le = e.Le ?? (e.Ge is null ? net.Length : p.MaxLength);
            if (p.Length >= ge && p.Length <= le) return e.Action.ToLowerInvariant();
        }
        return null;
    }
}

public sealed record PrefixListEntryView(string Action, string Prefix, int? Ge, int? Le);

/// <summary>
/// Where the synthesizer looks up the prefix lists that BGP sessions name (importWhitelist, exportBlacklist …) by id.
/// An MCR whose lists the simulator does not keep answers null, and the session is not filtered.
/// </summary>
public interface IPrefixListSource
{
    PrefixListView? Find(McrService mcr, int id);
}

/// <summary>No prefix lists: nothing is filtered.</summary>
public sealed class NoPrefixLists : IPrefixListSource
{
    public static readonly NoPrefixLists Instance = new();
    public PrefixListView? Find(McrService mcr, int id) => null;
}

/// <summary>The MCR's own prefix lists, as the simulator keeps them.</summary>
public sealed class McrPrefixListSource : IPrefixListSource
{
    public static readonly McrPrefixListSource Instance = new();

    public PrefixListView? Find(McrService mcr, int id) => mcr.FindPrefixList(id) is { } list
        ? new PrefixListView(list.AddressFamily, list.Entries.Select(e => new PrefixListEntryView(e.Action, e.Prefix, e.Ge, e.Le)).ToList())
        : null;
}

/// <summary>A session's import or export policy: a whitelist (only what it permits passes) and a blacklist (what it permits is dropped).</summary>
public sealed record PrefixPolicy(PrefixListView? Whitelist, PrefixListView? Blacklist)
{
    public static readonly PrefixPolicy None = new(null, null);

    public bool Allows(string prefix) =>
        (Whitelist is null || Whitelist.Evaluate(prefix) == "permit") && (Blacklist is null || Blacklist.Evaluate(prefix) != "permit");
}
