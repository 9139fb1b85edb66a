using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>A VXC in a network design: nested under its A-End.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VxcOrder
    {
        public VxcOrder(string aEndUid, VxcOrderDetail vxc) { AEndUid = aEndUid; Vxcs = new[] { vxc }; }
        [JsonProperty("productUid")] public string AEndUid { get; }
        [JsonProperty("associatedVxcs")] public IReadOnlyList<VxcOrderDetail> Vxcs { get; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VxcOrderDetail
    {
        [JsonProperty("productName")] public string Name { get; set; } = "";
        [JsonProperty("rateLimit")] public int RateLimit { get; set; }
        [JsonProperty("term")] public int Term { get; set; }
        [JsonProperty("shutdown")] public bool Shutdown { get; set; }
        [JsonProperty("promoCode")] public string? PromoCode { get; set; }
        /// <summary>Another company's service key: the B-End is the key's port.</summary>
        [JsonProperty("serviceKey")] public string? ServiceKey { get; set; }
        [JsonProperty("costCentre")] public string? CostCentre { get; set; }
        [JsonProperty("aEnd")] public VxcOrderEnd AEnd { get; set; } = new();
        [JsonProperty("bEnd")] public VxcOrderEnd BEnd { get; set; } = new();
        [JsonProperty("resourceTags")] public IReadOnlyList<ResourceTag>? Tags { get; set; }
    }

    /// <summary>One end of a VXC order.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VxcOrderEnd
    {
        [JsonProperty("productUid")] public string? ProductUid { get; set; }
        /// <summary>Null (not sent) lets Megaport choose; -1 is untagged.</summary>
        [JsonProperty("vlan")] public int? Vlan { get; set; }
        [JsonProperty("innerVlan")] public int? InnerVlan { get; set; }
        [JsonProperty("vNicIndex")] public int? VNicIndex { get; set; }
        [JsonProperty("partnerConfig")] public PartnerConfig? PartnerConfig { get; set; }
    }

    /// <summary>A change to a VXC (PUT /v3/product/vxc/{uid}).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class VxcChange : ServiceChange
    {
        [JsonProperty("shutdown")] public bool? Shutdown { get; set; }
        [JsonProperty("aEndVlan")] public int? AEndVlan { get; set; }
        [JsonProperty("bEndVlan")] public int? BEndVlan { get; set; }
        [JsonProperty("aEndInnerVlan")] public int? AEndInnerVlan { get; set; }
        [JsonProperty("bEndInnerVlan")] public int? BEndInnerVlan { get; set; }
        [JsonProperty("aEndProductUid")] public string? AEndProductUid { get; set; }
        [JsonProperty("bEndProductUid")] public string? BEndProductUid { get; set; }
        [JsonProperty("rateLimit")] public int? RateLimit { get; set; }
        /// <summary>The answer to an approval request (true approves, false rejects).</summary>
        [JsonProperty("isApproved")] public bool? IsApproved { get; set; }
        /// <summary>New MCR-side configuration of an end (replaces its interfaces).</summary>
        [JsonProperty("aEndConfig")] public VRouterPartnerConfig? AEndConfig { get; set; }
        [JsonProperty("bEndConfig")] public VRouterPartnerConfig? BEndConfig { get; set; }
    }
}
