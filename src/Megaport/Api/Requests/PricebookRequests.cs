using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>
    /// POST /v4/pricebook/product for a VXC whose ends do not exist yet (so validate cannot price it): priced from
    /// the locations of its ends.
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VxcPriceRequest
    {
        [JsonProperty("productType")] public string ProductType => "VXC";
        [JsonProperty("aLocationId")] public int ALocationId { get; set; }
        [JsonProperty("bLocationId")] public int BLocationId { get; set; }
        /// <summary>The rate limit in Mbps.</summary>
        [JsonProperty("speed")] public int Speed { get; set; }
        [JsonProperty("term")] public int Term { get; set; }
        /// <summary>MEGAPORT, MCR2, MVE, NAT_GATEWAY: what the A-End is.</summary>
        [JsonProperty("aEndProductType")] public string? AEndProductType { get; set; }
        /// <summary>The B-End's partner connect type (AWS, AZURE, ...), when it is a partner port.</summary>
        [JsonProperty("connectType")] public string? ConnectType { get; set; }
    }
}
