using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    // Request specs: what the module sends, field by field, with the API's names. Serialized only by RequestJson;
    // a null member is not sent. Cmdlets fill these in and never write a field name themselves.

    /// <summary>One resource tag, as orders and PUT /v2/product/{uid}/tags take it.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class ResourceTag
    {
        public ResourceTag(string key, string value) { Key = key; Value = value; }
        [JsonProperty("key")] public string Key { get; }
        [JsonProperty("value")] public string Value { get; }
    }

    /// <summary>PUT /v2/product/{uid}/tags: the whole set.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class TagSet
    {
        public TagSet(IReadOnlyList<ResourceTag> tags) => Tags = tags;
        [JsonProperty("resourceTags")] public IReadOnlyList<ResourceTag> Tags { get; }
    }

    /// <summary>The diversity zone of a located order ("config": {} when none is asked for).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal class ZoneConfig
    {
        [JsonProperty("diversityZone")] public string? DiversityZone { get; set; }
    }

    /// <summary>A change to a service (PUT of its product path): only the settings given are set, so only they are sent.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal class ServiceChange
    {
        [JsonProperty("name")] public string? Name { get; set; }
        [JsonProperty("costCentre")] public string? CostCentre { get; set; }
        [JsonProperty("term")] public int? Term { get; set; }
    }

    /// <summary>A change to a port, MCR or MVE.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal class LocatedServiceChange : ServiceChange
    {
        [JsonProperty("marketplaceVisibility")] public bool? MarketplaceVisibility { get; set; }
    }
}
