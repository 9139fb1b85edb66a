using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Megaport.Api.Requests;
using Megaport.Ordering;
using Newtonsoft.Json.Linq;

namespace Megaport.Designs
{
    /// <summary>
    /// Turns a design file's tree into a <see cref="Design"/>, checking everything that can be checked without the
    /// network: known keys and their types, ranges, names, references inside the file and secrets. Every problem
    /// is collected (resource and field named), so one run shows them all.
    /// </summary>
    internal static class DesignBinder
    {
        enum FieldType { Text, Int, Long, Bool, Term, Zone, Location, Tags, Opaque, End, PrefixLists, Vnics, PartnerConfig }

        sealed class Field
        {
            public Field(string name, FieldType type, bool required = false) { Name = name; Type = type; Required = required; }
            public string Name { get; }
            public FieldType Type { get; }
            public bool Required { get; }
        }

        static Field F(string name, FieldType type, bool required = false) => new(name, type, required);

        // Keys shared by everything that sits at a location.
        static readonly Field[] Located =
        {
            F("name", FieldType.Text, true), F("location_id", FieldType.Location), F("location", FieldType.Location),
            F("term", FieldType.Term, true), F("diversity_zone", FieldType.Zone), F("cost_centre", FieldType.Text),
            F("promo_code", FieldType.Text), F("resource_tags", FieldType.Tags),
        };

        static readonly Dictionary<DesignKind, Field[]> Fields = new()
        {
            [DesignKind.Port] = Located.Concat(new[] { F("speed", FieldType.Int, true), F("marketplace_visibility", FieldType.Bool), F("lag_count", FieldType.Int) }).ToArray(),
            [DesignKind.Mcr] = Located.Concat(new[]
            {
                F("speed", FieldType.Int, true), F("asn", FieldType.Long), F("tunnel_count", FieldType.Int), F("marketplace_visibility", FieldType.Bool),
                F("prefix_lists", FieldType.PrefixLists),
            }).ToArray(),
            [DesignKind.Mve] = Located.Concat(new[] { F("vendor_config", FieldType.Opaque, true), F("vnics", FieldType.Vnics) }).ToArray(),
            [DesignKind.NatGateway] = Located.Concat(new[]
            {
                F("speed", FieldType.Int, true), F("session_count", FieldType.Int, true), F("asn", FieldType.Long), F("auto_renew_term", FieldType.Bool),
            }).ToArray(),
            [DesignKind.Vxc] = new[]
            {
                F("name", FieldType.Text, true), F("rate_limit", FieldType.Int, true), F("term", FieldType.Term), F("a_end", FieldType.End, true),
                F("b_end", FieldType.End, true), F("a_end_partner_config", FieldType.PartnerConfig), F("b_end_partner_config", FieldType.PartnerConfig),
                F("cost_centre", FieldType.Text), F("promo_code", FieldType.Text), F("resource_tags", FieldType.Tags), F("shutdown", FieldType.Bool),
            },
            [DesignKind.Ix] = new[]
            {
                F("name", FieldType.Text, true), F("port", FieldType.Text, true), F("network_service_type", FieldType.Text, true), F("asn", FieldType.Long, true),
                F("mac_address", FieldType.Text, true), F("rate_limit", FieldType.Int, true), F("vlan", FieldType.Int), F("shutdown", FieldType.Bool),
                F("promo_code", FieldType.Text),
            },
        };

        static readonly Field[] EndFields =
        {
            F("product_uid", FieldType.Text), F("vlan", FieldType.Int), F("inner_vlan", FieldType.Int), F("vnic_index", FieldType.Int),
            F("cloud", FieldType.Text), F("location", FieldType.Location), F("location_id", FieldType.Location), F("diversity_zone", FieldType.Zone),
        };

        static readonly string[] PrefixListKeys = { "description", "address_family", "entries" };
        static readonly string[] PrefixEntryKeys = { "action", "prefix", "ge", "le" };
        static readonly string[] VnicKeys = { "description", "vlan" };

        /// <summary>{{.type.name}}: the CLI's reference to another resource of the run; the type "secret" names a secret.</summary>
        internal static readonly Regex Reference = new(@"^\{\{\s*\.(\w+)\.([^}]+?)\s*\}\}$", RegexOptions.CultureInvariant);
        static readonly Regex AnyReference = new(@"\{\{\s*\.(\w+)\.([^}]+?)\s*\}\}", RegexOptions.CultureInvariant);
        const string SecretType = "secret";

        public static Design Bind(JObject root, ICollection<string> secretsGiven, DesignProblems problems)
        {
            var design = new Design();
            var listKeys = DesignKinds.All.ToDictionary(DesignKinds.ListKey);
            foreach (var property in root.Properties())
            {
                var key = DesignFile.Canonical(property.Name);
                if (!listKeys.TryGetValue(key, out var kind))
                {
                    problems.Add("the design", null, $"'{property.Name}' is not a design key; use {string.Join(", ", listKeys.Keys)}.");
                    continue;
                }
                if (property.Value.Type == JTokenType.Null) continue;
                if (property.Value is not JArray list)
                {
                    problems.Add(key, null, "must be a list of resources.");
                    continue;
                }
                for (var i = 0; i < list.Count; i++) BindResource(design, kind, i, list[i], problems);
            }
            CheckNames(design, problems);
            foreach (var r in design.Resources) CheckReferences(design, r, problems);
            CollectSecrets(design, root, secretsGiven, problems);
            return design;
        }

        static void BindResource(Design design, DesignKind kind, int index, JToken token, DesignProblems problems)
        {
            var where = $"{DesignKinds.ListKey(kind)}[{index}]";
            if (token is not JObject raw)
            {
                problems.Add(where, null, "must be a table of settings.");
                return;
            }
            var name = raw.Properties().FirstOrDefault(p => DesignFile.Canonical(p.Name) == "name")?.Value;
            if (name != null && name.Type == JTokenType.String) where += $" '{name}'";
            var fields = Normalize(raw, Fields[kind], where, problems);
            var resource = new DesignResource(kind, index, fields.Value<string>("name") ?? "", fields);
            CheckKind(resource, problems);
            design.Resources.Add(resource);
        }

        /// <summary>The settings under canonical keys, each of its type; unknown keys and wrong types are problems.</summary>
        static JObject Normalize(JObject raw, Field[] known, string where, DesignProblems problems)
        {
            var fields = new JObject();
            var byName = known.ToDictionary(f => f.Name);
            foreach (var property in raw.Properties())
            {
                var key = DesignFile.Canonical(property.Name);
                if (!byName.TryGetValue(key, out var field))
                {
                    var close = Suggestions.Closest(key, byName.Keys, 1).FirstOrDefault();
                    problems.Add(where, property.Name, "is not a setting of this resource" + (close != null ? $" (did you mean {close}?)" : "; ") +
                        (close != null ? "" : $"use {string.Join(", ", byName.Keys)}."));
                    continue;
                }
                if (fields.ContainsKey(key))
                {
                    problems.Add(where, key, "is given twice.");
                    continue;
                }
                var value = property.Value;
                if (value.Type == JTokenType.Null) continue;
                var typed = Typed(value, field, where, problems);
                if (typed != null) fields[key] = typed;
            }
            foreach (var field in known.Where(f => f.Required && !fields.ContainsKey(f.Name)))
                problems.Add(where, field.Name, "is required.");
            return fields;
        }

        static JToken? Typed(JToken value, Field field, string where, DesignProblems problems)
        {
            JToken? Bad(string expected)
            {
                problems.Add(where, field.Name, $"must be {expected}, not {Show(value)}.");
                return null;
            }
            switch (field.Type)
            {
                case FieldType.Text:
                    return value.Type is JTokenType.String ? value : value.Type is JTokenType.Integer ? new JValue(value.ToString()) : Bad("text");
                case FieldType.Int:
                case FieldType.Term:
                    if (value.Type != JTokenType.Integer || (long)value < int.MinValue || (long)value > int.MaxValue) return Bad("a whole number");
                    if (field.Type == FieldType.Term && !Check.Terms.Contains((int)value))
                    {
                        problems.Add(where, field.Name, $"{value} is not a Megaport contract term; use one of {string.Join(", ", Check.Terms)} (months).");
                        return null;
                    }
                    return value;
                case FieldType.Long:
                    return value.Type == JTokenType.Integer ? value : Bad("a whole number");
                case FieldType.Bool:
                    return value.Type == JTokenType.Boolean ? value : Bad("true or false");
                case FieldType.Zone:
                    if (value.Type != JTokenType.String) return Bad("red or blue");
                    var zone = value.ToString().ToLowerInvariant();
                    if (zone is not ("red" or "blue" or "")) return Bad("red or blue");
                    return zone.Length == 0 ? null : new JValue(zone);
                case FieldType.Location:
                    return value.Type is JTokenType.String or JTokenType.Integer ? value : Bad("a location name or id");
                case FieldType.Tags:
                    if (value is not JObject tags) return Bad("a table of key = value");
                    foreach (var t in tags.Properties())
                        if (t.Value.Type is not (JTokenType.String or JTokenType.Integer or JTokenType.Boolean or JTokenType.Float))
                            problems.Add(where, $"{field.Name}.{t.Name}", $"must be text, not {Show(t.Value)}.");
                    return tags;
                case FieldType.Opaque:
                    return value is JObject ? value : Bad("a table");
                case FieldType.PartnerConfig:
                    if (value is not JObject config) return Bad("a table of the API's partnerConfig fields");
                    problems.Try(where, field.Name, () => PartnerConfigFields.Parse(config));
                    return config;
                case FieldType.End:
                    return End(value, field.Name, where, problems);
                case FieldType.PrefixLists:
                    return Lists(value, field.Name, where, problems);
                case FieldType.Vnics:
                    return Vnics(value, field.Name, where, problems);
                default:
                    throw new ArgumentOutOfRangeException(nameof(field), field.Type, null);
            }
        }

        static string Show(JToken value) => value.Type switch
        {
            JTokenType.Object => "a table",
            JTokenType.Array => "a list",
            JTokenType.String => $"'{value}'",
            _ => value.ToString(Newtonsoft.Json.Formatting.None),
        };

        /// <summary>A VXC end: a bare name, UID or reference, or a table (product_uid, vlan, ... or a cloud selector).</summary>
        static JToken? End(JToken value, string field, string where, DesignProblems problems)
        {
            if (value.Type == JTokenType.String) return new JObject { ["product_uid"] = value };
            if (value is not JObject raw)
            {
                problems.Add(where, field, $"must be a table (product_uid, vlan, ...) or a name, not {Show(value)}.");
                return null;
            }
            var end = Normalize(raw, EndFields, where + " " + field, problems);
            if (end["product_uid"] == null && end["cloud"] == null)
                problems.Add(where, field, "needs product_uid (a resource's name, a {{.type.name}} reference or a UID) or cloud (with location).");
            if (end["cloud"] != null && end["product_uid"] == null && end["location"] == null && end["location_id"] == null)
                problems.Add(where, field, "a cloud end needs its location (or product_uid pinning the partner port).");
            foreach (var vlan in new[] { "vlan", "inner_vlan" })
                if (end[vlan] is JToken v) problems.Try(where, $"{field}.{vlan}", () => { if (vlan == "vlan") Check.Vlan((int)v, vlan); else Check.InnerVlan((int)v, vlan); });
            if (end["vnic_index"] is JToken n && ((int)n < 0 || (int)n > 4)) problems.Add(where, $"{field}.vnic_index", $"{n} is out of range (0-4).");
            return end;
        }

        static JToken? Lists(JToken value, string field, string where, DesignProblems problems)
        {
            if (value is not JArray raw)
            {
                problems.Add(where, field, "must be a list of prefix lists.");
                return null;
            }
            var lists = new JArray();
            for (var i = 0; i < raw.Count; i++)
            {
                var at = $"{field}[{i}]";
                if (raw[i] is not JObject o) { problems.Add(where, at, "must be a table (description, address_family, entries)."); continue; }
                var list = Keys(o, PrefixListKeys, where, at, problems);
                if (list["description"]?.Type != JTokenType.String) problems.Add(where, $"{at}.description", "is required (the list's name).");
                var family = list["address_family"]?.ToString();
                if (!string.Equals(family, "IPv4", StringComparison.OrdinalIgnoreCase) && !string.Equals(family, "IPv6", StringComparison.OrdinalIgnoreCase))
                    problems.Add(where, $"{at}.address_family", "must be IPv4 or IPv6.");
                var entries = new JArray();
                if (list["entries"] is not JArray rawEntries || rawEntries.Count == 0) problems.Add(where, $"{at}.entries", "must list at least one entry.");
                else
                    for (var j = 0; j < rawEntries.Count; j++)
                    {
                        var eat = $"{at}.entries[{j}]";
                        if (rawEntries[j] is not JObject eo) { problems.Add(where, eat, "must be a table (action, prefix, ge, le)."); continue; }
                        var entry = Keys(eo, PrefixEntryKeys, where, eat, problems);
                        if (entry["action"]?.ToString() is not ("permit" or "deny")) problems.Add(where, $"{eat}.action", "must be permit or deny.");
                        problems.Try(where, $"{eat}.prefix", () => Check.Cidr(entry["prefix"]?.ToString() ?? "", "prefix"));
                        if (entry["prefix"] == null) problems.Add(where, $"{eat}.prefix", "is required.");
                        foreach (var k in new[] { "ge", "le" })
                            if (entry[k] is JToken b && (b.Type != JTokenType.Integer || (int)b < 0 || (int)b > 128)) problems.Add(where, $"{eat}.{k}", "must be a prefix length.");
                        entries.Add(entry);
                    }
                list["entries"] = entries;
                lists.Add(list);
            }
            return lists;
        }

        static JToken? Vnics(JToken value, string field, string where, DesignProblems problems)
        {
            if (value is not JArray raw) { problems.Add(where, field, "must be a list of vNIC names."); return null; }
            var vnics = new JArray();
            for (var i = 0; i < raw.Count; i++)
            {
                if (raw[i].Type == JTokenType.String) vnics.Add(new JObject { ["description"] = raw[i] });
                else if (raw[i] is JObject o) vnics.Add(Keys(o, VnicKeys, where, $"{field}[{i}]", problems));
                else problems.Add(where, $"{field}[{i}]", "must be a name or a table (description, vlan).");
            }
            return vnics;
        }

        /// <summary>A small table whose keys must be among <paramref name="keys"/> (canonical).</summary>
        static JObject Keys(JObject raw, string[] keys, string where, string at, DesignProblems problems)
        {
            var o = new JObject();
            foreach (var p in raw.Properties())
            {
                var key = DesignFile.Canonical(p.Name);
                if (!keys.Contains(key)) problems.Add(where, $"{at}.{p.Name}", $"is not a key here; use {string.Join(", ", keys)}.");
                else if (p.Value.Type != JTokenType.Null) o[key] = p.Value;
            }
            return o;
        }

        /// <summary>The checks of one kind's settings beyond their types.</summary>
        static void CheckKind(DesignResource r, DesignProblems problems)
        {
            var where = r.Where;
            problems.Try(where, "name", () => Check.Name(r.Name, "name"));
            if (DesignKinds.IsLocated(r.Kind) && r.Get("location_id") == null && r.Get("location") == null)
                problems.Add(where, "location_id", "is required (or location: a name or id).");
            if (r.Get("location_id") != null && r.Get("location") != null)
                problems.Add(where, "location", "give location_id or location, not both.");
            problems.Try(where, "cost_centre", () => Check.CostCentre(r.Str("cost_centre")));
            if (r.Int("speed") is int speed && speed <= 0) problems.Add(where, "speed", $"{speed} must be a positive number of Mbps.");
            if (r.Int("rate_limit") is int rate) problems.Try(where, "rate_limit", () => Check.RateLimit(rate));
            if (r.Long("asn") is long asn) problems.Try(where, "asn", () => Check.Asn(asn, "asn"));
            switch (r.Kind)
            {
                case DesignKind.Port:
                    if (r.Int("lag_count") is int lag && (lag < 1 || lag > 8)) problems.Add(where, "lag_count", $"{lag} is out of range; a LAG has 1 to 8 ports.");
                    var speeds = r.Get("lag_count") != null ? Products.PortProduct.LagSpeeds : Products.PortProduct.Speeds;
                    if (r.Int("speed") is int s && s > 0 && !speeds.Contains(s))
                        problems.Add(where, "speed", $"{s} is not a {(r.Get("lag_count") != null ? "LAG" : "port")} speed; use one of {string.Join(", ", speeds)} (Mbps).");
                    break;
                case DesignKind.Mcr:
                    if (r.Int("tunnel_count") is int tunnels && tunnels is not (0 or 10 or 20 or 30))
                        problems.Add(where, "tunnel_count", $"{tunnels} is not an IPsec tunnel count; use 10, 20 or 30 (0 for none).");
                    if (r.Int("speed") is int ms && ms > 0 && !Products.Products.Mcr.StandardSpeeds.Contains(ms))
                        problems.Add(where, "speed", $"{ms} is not an MCR speed; use one of {string.Join(", ", Products.Products.Mcr.StandardSpeeds)} (Mbps).");
                    if (r.List("prefix_lists") is JArray lists)
                        foreach (var dup in lists.Select(l => l["description"]?.ToString()).Where(d => d != null).GroupBy(d => d).Where(g => g.Count() > 1))
                            problems.Add(where, "prefix_lists", $"'{dup.Key}' is there twice; prefix lists are known by description.");
                    break;
                case DesignKind.Mve:
                    problems.Try(where, "vendor_config", () => VendorConfigFields.Parse(r.Obj("vendor_config")!));
                    break;
                case DesignKind.NatGateway:
                    if (r.Int("session_count") is int sessions && sessions <= 0) problems.Add(where, "session_count", $"{sessions} must be a positive number.");
                    break;
                case DesignKind.Vxc:
                    break;
                case DesignKind.Ix:
                    if (r.Str("mac_address") is string mac) problems.Try(where, "mac_address", () => Check.MacAddress(mac));
                    if (r.Int("vlan") is int vlan) problems.Try(where, "vlan", () => Check.Vlan(vlan, "vlan"));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(r), r.Kind, null);
            }
        }

        static void CheckNames(Design design, DesignProblems problems)
        {
            foreach (var dup in design.Resources.Where(r => r.Name.Length > 0).GroupBy(r => (r.Kind, r.Name)).Where(g => g.Count() > 1))
                problems.Add(dup.Skip(1).First().Where, "name", $"'{dup.Key.Name}' is used by {dup.First().Source} too; resources of a kind are known by name.");
        }

        /// <summary>{{.type.name}} references name a known type; one to a resource of the file must find it (or, later, the account).</summary>
        static void CheckReferences(Design design, DesignResource r, DesignProblems problems)
        {
            IEnumerable<(string Field, string? Value)> Refs()
            {
                if (r.Kind == DesignKind.Vxc)
                {
                    yield return ("a_end.product_uid", r.Obj("a_end")?["product_uid"]?.ToString());
                    yield return ("b_end.product_uid", r.Obj("b_end")?["product_uid"]?.ToString());
                }
                if (r.Kind == DesignKind.Ix) yield return ("port", r.Str("port"));
            }
            foreach (var (field, value) in Refs())
            {
                if (value == null || Reference.Match(value) is not { Success: true } m) continue;
                var type = m.Groups[1].Value;
                if (type == SecretType) { problems.Add(r.Where, field, "a secret cannot name a VXC end or a port."); continue; }
                if (DesignKinds.FromReferenceType(type) is not DesignKind kind || kind is DesignKind.Vxc or DesignKind.Ix)
                    problems.Add(r.Where, field, $"'{value}': the type '{type}' is not port, mcr, mve or nat_gateway.");
            }
        }

        /// <summary>Every {{.secret.NAME}} in the file must be given with -Secret: named here, before any request.</summary>
        static void CollectSecrets(Design design, JObject root, ICollection<string> given, DesignProblems problems)
        {
            foreach (var r in design.Resources)
            {
                foreach (var value in r.Fields.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String))
                {
                    foreach (Match m in AnyReference.Matches((string)value.Value!))
                    {
                        if (m.Groups[1].Value != SecretType) continue;
                        var name = m.Groups[2].Value.Trim();
                        design.Secrets.Add(name);
                        if (!given.Contains(name))
                            problems.Add(r.Where, value.Path, $"the secret '{name}' is not given; pass it with -Secret @{{ '{name}' = <SecureString> }}.", name);
                    }
                }
            }
        }

        /// <summary>The secret a value names when it is exactly {{.secret.NAME}}, else null.</summary>
        public static string? SecretName(string value) =>
            Reference.Match(value) is { Success: true } m && m.Groups[1].Value == SecretType ? m.Groups[2].Value.Trim() : null;

        /// <summary>The text with each {{.secret.NAME}} replaced through <paramref name="reveal"/> (only inside a request).</summary>
        public static string WithSecrets(string value, Func<string, string> reveal) =>
            AnyReference.Replace(value, m => m.Groups[1].Value == SecretType ? reveal(m.Groups[2].Value.Trim()) : m.Value);
    }
}
