using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Megaport.Client
{
    /// <summary>
    /// One order line (a port or LAG, a VXC, an IX, an MCR, an MVE): its networkDesign JSON item (research §3.4-§3.8),
    /// and what the module needs to describe it, find it again and wait for it.
    /// </summary>
    internal sealed class OrderItem
    {
        public OrderItem(string productType, string name, JObject body, string description)
        {
            ProductType = productType;
            Name = name;
            Body = body;
            Description = description;
        }

        /// <summary>MEGAPORT, VXC, IX, MCR2 or MVE.</summary>
        public string ProductType { get; }
        public string Name { get; }
        /// <summary>The networkDesign item sent to validate and buy.</summary>
        public JObject Body { get; }
        /// <summary>"port 'syd-1': 10000 Mbps at Global Switch Sydney (3), 12 months".</summary>
        public string Description { get; }
        /// <summary>How many services the buy creates (a LAG: one per member).</summary>
        public int ExpectedServices { get; set; } = 1;
    }

    /// <summary>Builds order items. Field names and omissions follow the API exactly; nothing here talks to the network.</summary>
    internal static class OrderBuilder
    {
        public static OrderItem Port(string name, Location location, int speed, int term, string? zone, bool marketplaceVisibility,
            string? costCentre, string? promoCode, IDictionary? tags, int lagCount)
        {
            var item = new JObject
            {
                ["productName"] = name,
                ["term"] = term,
                ["productType"] = "MEGAPORT",
                ["portSpeed"] = speed,
                ["locationId"] = location.Id,
                ["createDate"] = 0,
                ["virtual"] = false,
                ["market"] = location.Market ?? "",
                ["marketplaceVisibility"] = marketplaceVisibility,
                ["config"] = zone == null ? new JObject() : new JObject { ["diversityZone"] = zone },
            };
            if (lagCount > 0) item["lagPortCount"] = lagCount;
            AddCommon(item, costCentre, promoCode, tags);
            var what = lagCount > 0 ? $"LAG '{name}' of {lagCount} x {speed} Mbps ports" : $"port '{name}' ({speed} Mbps)";
            return new OrderItem("MEGAPORT", name, item, $"{what} at {location.Name} ({location.Id}){ZoneText(zone)}, {Months(term)}")
            {
                ExpectedServices = Math.Max(1, lagCount),
            };
        }

        public static OrderItem Mcr(string name, Location location, int speed, int term, string? zone, long asn, int ipsecTunnels,
            bool? marketplaceVisibility, string? costCentre, string? promoCode, IDictionary? tags)
        {
            var config = new JObject();
            if (asn > 0) config["mcrAsn"] = asn;
            if (zone != null) config["diversityZone"] = zone;
            var item = new JObject
            {
                ["locationId"] = location.Id,
                ["productName"] = name,
                ["term"] = term,
                ["productType"] = "MCR2",
                ["portSpeed"] = speed,
                ["costCentre"] = costCentre ?? "",
                ["config"] = config,
            };
            if (marketplaceVisibility is bool mv) item["marketplaceVisibility"] = mv;
            if (ipsecTunnels > 0) item["addOns"] = new JArray(new JObject { ["addOnType"] = "IP_SEC", ["tunnelCount"] = ipsecTunnels, ["packCount"] = 1 });
            AddCommon(item, null, promoCode, tags);
            return new OrderItem("MCR2", name, item,
                $"MCR '{name}' ({speed} Mbps, ASN {(asn > 0 ? asn.ToString(CultureInfo.InvariantCulture) : "133937 (default)")}{(ipsecTunnels > 0 ? $", {ipsecTunnels} IPsec tunnels" : "")}) at {location.Name} ({location.Id}){ZoneText(zone)}, {Months(term)}");
        }

        public static OrderItem Mve(string name, Location location, int term, string? zone, JObject vendorConfig, IReadOnlyList<(string Description, int Vlan)> vnics,
            string? costCentre, string? promoCode, IDictionary? tags)
        {
            var item = new JObject
            {
                ["locationId"] = location.Id,
                ["productName"] = name,
                ["term"] = term,
                ["productType"] = "MVE",
                ["vnics"] = new JArray(vnics.Select(v =>
                {
                    var o = new JObject { ["description"] = v.Description };
                    if (v.Vlan != 0) o["vlan"] = v.Vlan;
                    return o;
                })),
                ["config"] = zone == null ? new JObject() : new JObject { ["diversityZone"] = zone },
                ["vendorConfig"] = vendorConfig,
            };
            AddCommon(item, costCentre, promoCode, tags);
            return new OrderItem("MVE", name, item,
                $"MVE '{name}' ({vendorConfig.Str("vendor")} {vendorConfig.Str("productSize")}, image {vendorConfig.Str("imageId")}) at {location.Name} ({location.Id}){ZoneText(zone)}, {Months(term)}");
        }

        /// <summary>One VXC: aEnd/bEnd ends with VLAN 0 (auto) omitted and the partner configs as given.</summary>
        public static OrderItem Vxc(string aEndUid, string aEndName, string name, int rateLimit, int term, bool shutdown,
            VxcEndSpec aEnd, VxcEndSpec bEnd, string bEndName, string? serviceKey, string? costCentre, string? promoCode, IDictionary? tags)
        {
            var vxc = new JObject
            {
                ["productName"] = name,
                ["rateLimit"] = rateLimit,
                ["term"] = term,
                ["shutdown"] = shutdown,
            };
            if (!string.IsNullOrEmpty(promoCode)) vxc["promoCode"] = promoCode;
            if (!string.IsNullOrEmpty(serviceKey)) vxc["serviceKey"] = serviceKey;
            if (!string.IsNullOrEmpty(costCentre)) vxc["costCentre"] = costCentre;
            vxc["aEnd"] = aEnd.ToJson();
            vxc["bEnd"] = bEnd.ToJson();
            if (Tags(tags) is JArray t) vxc["resourceTags"] = t;
            var item = new JObject { ["productUid"] = aEndUid, ["associatedVxcs"] = new JArray(vxc) };
            var kind = bEnd.PartnerConfig?.Str("connectType") is string ct ? ct + " " : "";
            return new OrderItem("VXC", name, item,
                $"{kind}VXC '{name}' ({rateLimit} Mbps) from {aEndName}{VlanText(aEnd.Vlan)} to {bEndName}{VlanText(bEnd.Vlan)}, {Months(term)}");
        }

        public static OrderItem Ix(string portUid, string portName, string name, string networkServiceType, long asn, string macAddress,
            int rateLimit, int vlan, bool shutdown, string? promoCode)
        {
            var ix = new JObject
            {
                ["productName"] = name,
                ["networkServiceType"] = networkServiceType,
                ["asn"] = asn,
                ["macAddress"] = macAddress,
                ["rateLimit"] = rateLimit,
                ["vlan"] = vlan,
                ["shutdown"] = shutdown,
            };
            if (!string.IsNullOrEmpty(promoCode)) ix["promoCode"] = promoCode;
            var item = new JObject { ["productUid"] = portUid, ["associatedIxs"] = new JArray(ix) };
            return new OrderItem("IX", name, item, $"IX '{name}' on {networkServiceType} ({rateLimit} Mbps, ASN {asn}, VLAN {vlan}) from {portName}");
        }

        static void AddCommon(JObject item, string? costCentre, string? promoCode, IDictionary? tags)
        {
            if (!string.IsNullOrEmpty(costCentre)) item["costCentre"] = costCentre;
            if (!string.IsNullOrEmpty(promoCode)) item["promoCode"] = promoCode;
            if (Tags(tags) is JArray t) item["resourceTags"] = t;
        }

        /// <summary>A hashtable of tags as [{key, value}], in key order so the request is deterministic.</summary>
        public static JArray? Tags(IDictionary? tags)
        {
            if (tags == null || tags.Count == 0) return null;
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry e in tags)
                pairs.Add(new KeyValuePair<string, string>(Convert.ToString(Unwrap(e.Key), CultureInfo.InvariantCulture) ?? "", Convert.ToString(Unwrap(e.Value), CultureInfo.InvariantCulture) ?? ""));
            return new JArray(pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new JObject { ["key"] = p.Key, ["value"] = p.Value }));
        }

        internal static object? Unwrap(object? o) => o is System.Management.Automation.PSObject p ? p.BaseObject : o;

        static string ZoneText(string? zone) => zone == null ? "" : $", {zone} zone";
        static string VlanText(int vlan) => vlan switch { 0 => "", -1 => " (untagged)", _ => $" (VLAN {vlan})" };
        public static string Months(int term) => term == 1 ? "1 month" : $"{term} months";
    }

    /// <summary>One end of a VXC order.</summary>
    internal sealed class VxcEndSpec
    {
        public string? ProductUid { get; set; }
        /// <summary>0 = auto (omitted), -1 = untagged.</summary>
        public int Vlan { get; set; }
        public int InnerVlan { get; set; }
        public int? VNicIndex { get; set; }
        public JObject? PartnerConfig { get; set; }

        public JObject ToJson()
        {
            var o = new JObject();
            if (!string.IsNullOrEmpty(ProductUid)) o["productUid"] = ProductUid;
            if (Vlan != 0) o["vlan"] = Vlan;
            if (InnerVlan != 0) o["innerVlan"] = InnerVlan;
            if (VNicIndex is int v) o["vNicIndex"] = v;
            if (PartnerConfig != null) o["partnerConfig"] = PartnerConfig;
            return o;
        }
    }
}
