using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>An MCR in a network design.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class McrOrder
    {
        [JsonProperty("locationId")] public int LocationId { get; set; }
        [JsonProperty("productName")] public string Name { get; set; } = "";
        [JsonProperty("term")] public int Term { get; set; }
        [JsonProperty("productType")] public string ProductType => "MCR2";
        [JsonProperty("portSpeed")] public int Speed { get; set; }
        /// <summary>Always sent; empty when none is given.</summary>
        [JsonProperty("costCentre")] public string CostCentre { get; set; } = "";
        [JsonProperty("config")] public McrConfig Config { get; set; } = new();
        [JsonProperty("marketplaceVisibility")] public bool? MarketplaceVisibility { get; set; }
        [JsonProperty("addOns")] public IReadOnlyList<McrAddOn>? AddOns { get; set; }
        [JsonProperty("promoCode")] public string? PromoCode { get; set; }
        [JsonProperty("resourceTags")] public IReadOnlyList<ResourceTag>? Tags { get; set; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class McrConfig : ZoneConfig
    {
        /// <summary>Megaport's default (133937) applies when not sent.</summary>
        [JsonProperty("mcrAsn")] public long? Asn { get; set; }
    }

    /// <summary>The IPsec add-on of an MCR order.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class McrAddOn
    {
        public static McrAddOn Ipsec(int tunnels) => new() { AddOnType = "IP_SEC", TunnelCount = tunnels, PackCount = 1 };
        [JsonProperty("addOnType")] public string AddOnType { get; set; } = "";
        [JsonProperty("tunnelCount")] public int TunnelCount { get; set; }
        [JsonProperty("packCount")] public int PackCount { get; set; }
    }

    /// <summary>POST /v3/product/{uid}/addon (add) and PUT …/addon/{addOnUid} (change; 0 tunnels turns IPsec off).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class McrAddOnChange
    {
        [JsonProperty("addOnType")] public string AddOnType => "IP_SEC";
        [JsonProperty("tunnelCount")] public int TunnelCount { get; set; }
    }

    /// <summary>A change to an MCR: the located-service settings and its ASN.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class McrChange : LocatedServiceChange
    {
        [JsonProperty("asn")] public long? Asn { get; set; }
    }
}
