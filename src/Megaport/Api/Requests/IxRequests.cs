using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>An IX in a network design: nested under the port it is on.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class IxOrder
    {
        public IxOrder(string portUid, IxOrderDetail ix) { PortUid = portUid; Ixs = new[] { ix }; }
        [JsonProperty("productUid")] public string PortUid { get; }
        [JsonProperty("associatedIxs")] public IReadOnlyList<IxOrderDetail> Ixs { get; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class IxOrderDetail
    {
        [JsonProperty("productName")] public string Name { get; set; } = "";
        [JsonProperty("networkServiceType")] public string NetworkServiceType { get; set; } = "";
        [JsonProperty("asn")] public long Asn { get; set; }
        [JsonProperty("macAddress")] public string MacAddress { get; set; } = "";
        [JsonProperty("rateLimit")] public int RateLimit { get; set; }
        [JsonProperty("vlan")] public int Vlan { get; set; }
        [JsonProperty("shutdown")] public bool Shutdown { get; set; }
        [JsonProperty("promoCode")] public string? PromoCode { get; set; }
    }

    /// <summary>A change to an IX.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class IxChange : ServiceChange
    {
        [JsonProperty("rateLimit")] public int? RateLimit { get; set; }
        [JsonProperty("vlan")] public int? Vlan { get; set; }
        [JsonProperty("macAddress")] public string? MacAddress { get; set; }
        [JsonProperty("asn")] public long? Asn { get; set; }
        [JsonProperty("password")] public string? Password { get; set; }
        [JsonProperty("publicGraph")] public bool? PublicGraph { get; set; }
        [JsonProperty("reverseDns")] public string? ReverseDns { get; set; }
        [JsonProperty("shutdown")] public bool? Shutdown { get; set; }
    }
}
