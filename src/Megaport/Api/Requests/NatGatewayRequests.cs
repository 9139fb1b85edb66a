using System.Linq;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>
    /// A whole NAT gateway: the body that creates its design, and the body of a change (a change sends the whole
    /// gateway, so every field is filled in from the current one). With <see cref="ProductType"/> set it is also the
    /// validate line that prices a gateway before any design exists. The inherited "name" is never set; its name is
    /// productName.
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class NatGatewaySpec : ServiceChange
    {
        /// <summary>Set only on the validate line.</summary>
        [JsonProperty("productType")] public string? ProductType { get; set; }
        [JsonProperty("productName")] public string ProductName { get; set; } = "";
        [JsonProperty("locationId")] public int LocationId { get; set; }
        [JsonProperty("speed")] public int Speed { get; set; }
        [JsonProperty("autoRenewTerm")] public bool AutoRenewTerm { get; set; }
        [JsonProperty("config")] public NatGatewayConfig Config { get; set; } = new();
        [JsonProperty("promoCode")] public string? PromoCode { get; set; }
        [JsonProperty("resourceTags")] public IReadOnlyList<ResourceTag>? Tags { get; set; }
        [JsonProperty("serviceLevelReference")] public string? ServiceLevelReference { get; set; }

        /// <summary>The whole gateway as it is now: the base of a change, which sends every field.</summary>
        public static NatGatewaySpec Of(NatGateway nat) => new()
        {
            ProductName = nat.Name,
            LocationId = nat.LocationId ?? 0,
            Speed = nat.Speed,
            Term = nat.Term,
            AutoRenewTerm = nat.AutoRenewTerm,
            Config = new NatGatewayConfig
            {
                Asn = nat.Asn,
                BgpShutdownDefault = nat.BgpShutdownDefault,
                DiversityZone = nat.DiversityZone,
                SessionCount = nat.SessionCount,
            },
            CostCentre = nat.CostCentre,
            PromoCode = nat.PromoCode,
            Tags = nat.Tags.Select(t => new ResourceTag(t.Key, t.Value)).ToList(),
            ServiceLevelReference = nat.ServiceLevelReference,
        };

        /// <summary>This gateway as a validate line (priced without creating anything).</summary>
        public NatGatewaySpec AsLine()
        {
            var line = (NatGatewaySpec)MemberwiseClone();
            line.ProductType = Products.NatGatewayProduct.ApiType;
            return line;
        }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class NatGatewayConfig
    {
        /// <summary>Megaport's default applies when not sent.</summary>
        [JsonProperty("asn")] public long? Asn { get; set; }
        [JsonProperty("bgpShutdownDefault")] public bool BgpShutdownDefault { get; set; }
        [JsonProperty("diversityZone")] public string? DiversityZone { get; set; }
        [JsonProperty("sessionCount")] public int SessionCount { get; set; }
    }

    /// <summary>POST and PUT of a packet filter: the whole filter.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class PacketFilterSpec
    {
        [JsonProperty("description")] public string Description { get; set; } = "";
        [JsonProperty("entries")] public IReadOnlyList<PacketFilterEntrySpec> Entries { get; set; } = new List<PacketFilterEntrySpec>();
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class PacketFilterEntrySpec
    {
        /// <summary>permit or deny.</summary>
        [JsonProperty("action")] public string Action { get; set; } = "";
        [JsonProperty("description")] public string? Description { get; set; }
        [JsonProperty("sourceAddress")] public string SourceAddress { get; set; } = "";
        [JsonProperty("destinationAddress")] public string DestinationAddress { get; set; } = "";
        [JsonProperty("sourcePorts")] public string? SourcePorts { get; set; }
        [JsonProperty("destinationPorts")] public string? DestinationPorts { get; set; }
        [JsonProperty("ipProtocol")] public int? IpProtocol { get; set; }
    }
}
