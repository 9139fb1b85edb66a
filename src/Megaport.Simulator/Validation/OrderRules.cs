using Megaport.Simulator.State;

namespace Megaport.Simulator.Validation;

/// <summary>Field rules every kind's orders and updates share: names, terms, cost centres, tags, VLANs, ASNs.</summary>
public static class OrderRules
{
    public static readonly int[] Terms = [1, 12, 24, 36, 48, 60];
    public const int MaxNameLength = 64;
    public const int MaxCostCentreLength = 255;
    public const long MaxAsn = 4294967295;

    /// <summary>One resource tag, in orders and <c>PUT /v2/product/{uid}/tags</c>.</summary>
    public static readonly Shape TagList = Shape.ListOf(Shape.Fields("key", "value"));
    /// <summary>The <c>config</c> of a located order when it only picks a zone.</summary>
    public static readonly ObjectShape ZoneConfig = Shape.Fields("diversityZone");

    public static string Name(JsonFields f, string key = "productName")
    {
        var name = f.Str(key);
        if (string.IsNullOrWhiteSpace(name)) throw f.Fail($"{f.Path(key)} is required");
        if (name.Length > MaxNameLength) throw f.Fail($"{f.Path(key)} must be 1-{MaxNameLength} characters (got {name.Length})");
        return name;
    }

    public static int Term(JsonFields f, int? defaultTerm = null)
    {
        var term = f.Int("term");
        if (term is null)
            return defaultTerm ?? throw f.Fail($"{f.Path("term")} is required (1, 12, 24, 36, 48 or 60 months)");
        CheckTerm(f, term.Value);
        return term.Value;
    }

    public static void CheckTerm(JsonFields f, int term)
    {
        if (!Terms.Contains(term)) throw f.Fail($"{f.Path("term")} {term} is invalid: use 1, 12, 24, 36, 48 or 60 months");
    }

    public static string CostCentre(JsonFields f, string? current = "")
    {
        var cc = f.Str("costCentre");
        if (cc is null) return current ?? "";
        if (cc.Length > MaxCostCentreLength) throw f.Fail($"{f.Path("costCentre")} must be at most {MaxCostCentreLength} characters");
        return cc;
    }

    public static List<ResourceTag> Tags(JsonFields f, string key = "resourceTags")
    {
        var list = new List<ResourceTag>();
        var arr = f.Arr(key);
        if (arr is null) return list;
        foreach (var node in arr)
        {
            if (node is not System.Text.Json.Nodes.JsonObject o) throw f.Fail($"{f.Path(key)} must hold {{key, value}} objects");
            var t = new JsonFields(o, f.Label, f.Path(key) + ".");
            var k = t.Str("key");
            if (string.IsNullOrWhiteSpace(k)) throw f.Fail($"{f.Path(key)}: every tag needs a key");
            if (k.Length > 128) throw f.Fail($"{f.Path(key)}: tag key '{k[..20]}…' is longer than 128 characters");
            var v = t.Str("value") ?? "";
            if (v.Length > 256) throw f.Fail($"{f.Path(key)}: the value of tag '{k}' is longer than 256 characters");
            if (list.Any(x => x.Key == k)) throw f.Fail($"{f.Path(key)}: duplicate tag key '{k}'");
            list.Add(new ResourceTag(k, v));
        }
        return list;
    }

    /// <summary>-1 untagged, 0 auto, otherwise 2-4093.</summary>
    public static int Vlan(JsonFields f, string key)
    {
        var v = f.Int(key) ?? 0;
        CheckVlan(f, f.Path(key), v);
        return v;
    }

    public static void CheckVlan(JsonFields f, string path, int v)
    {
        if (v != 0 && v != -1 && (v < 2 || v > 4093))
            throw f.Fail($"{path} {v} is invalid: use -1 (untagged), 0 (auto) or 2-4093");
    }

    /// <summary>Inner (Q-in-Q) VLAN: absent or 0 = none, -1 untagged, otherwise 2-4093.</summary>
    public static int? InnerVlan(JsonFields f, string key)
    {
        var v = f.Int(key);
        if (v is null or 0) return null;
        if (v != -1 && (v < 2 || v > 4093)) throw f.Fail($"{f.Path(key)} {v} is invalid: use -1 or 2-4093");
        return v;
    }

    public static long Asn(JsonFields f, string key, bool required)
    {
        var asn = f.Long(key);
        if (asn is null or 0)
        {
            if (required) throw f.Fail($"{f.Path(key)} is required");
            return 0;
        }
        if (asn < 1 || asn > MaxAsn) throw f.Fail($"{f.Path(key)} {asn} is invalid: use 1-{MaxAsn}");
        return asn.Value;
    }
}
