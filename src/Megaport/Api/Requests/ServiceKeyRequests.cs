using System;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>POST (create) and PUT (update) /v2/service/key.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class ServiceKeyRequest
    {
        /// <summary>Only on an update: the key being changed.</summary>
        [JsonProperty("key")] public string? Key { get; set; }
        [JsonProperty("productUid")] public string? ProductUid { get; set; }
        [JsonProperty("singleUse")] public bool SingleUse { get; set; }
        [JsonProperty("maxSpeed")] public int? MaxSpeed { get; set; }
        [JsonProperty("active")] public bool Active { get; set; }
        [JsonProperty("preApproved")] public bool? PreApproved { get; set; }
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("vlan")] public int? Vlan { get; set; }
        [JsonProperty("validFor")] public ValidFor? ValidFor { get; set; }
    }

    /// <summary>When a key works, in epoch milliseconds (UTC); an open end is sent as null.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class ValidFor
    {
        public ValidFor(DateTime? from, DateTime? to) { Start = Ms(from); End = Ms(to); }
        [JsonProperty("start", NullValueHandling = NullValueHandling.Include)] public long? Start { get; }
        [JsonProperty("end", NullValueHandling = NullValueHandling.Include)] public long? End { get; }

        static long? Ms(DateTime? d) => d is DateTime v
            ? new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Local) : v).ToUnixTimeMilliseconds()
            : null;
    }
}
