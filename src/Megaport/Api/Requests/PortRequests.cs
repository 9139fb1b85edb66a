using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>A port, or a LAG of ports, in a network design (validate and buy).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class PortOrder
    {
        [JsonProperty("productName")] public string Name { get; set; } = "";
        [JsonProperty("term")] public int Term { get; set; }
        [JsonProperty("productType")] public string ProductType => "MEGAPORT";
        [JsonProperty("portSpeed")] public int Speed { get; set; }
        [JsonProperty("locationId")] public int LocationId { get; set; }
        [JsonProperty("createDate")] public long CreateDate => 0;
        [JsonProperty("virtual")] public bool Virtual => false;
        [JsonProperty("market")] public string Market { get; set; } = "";
        [JsonProperty("marketplaceVisibility")] public bool MarketplaceVisibility { get; set; }
        [JsonProperty("config")] public ZoneConfig Config { get; set; } = new();
        /// <summary>Member count of a LAG; not sent for a single port.</summary>
        [JsonProperty("lagPortCount")] public int? LagPortCount { get; set; }
        [JsonProperty("costCentre")] public string? CostCentre { get; set; }
        [JsonProperty("promoCode")] public string? PromoCode { get; set; }
        [JsonProperty("resourceTags")] public IReadOnlyList<ResourceTag>? Tags { get; set; }
    }
}
