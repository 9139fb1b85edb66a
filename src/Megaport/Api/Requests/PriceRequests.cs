using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>
    /// POST /v4/pricebook/product: one product's price without ordering it. One spec for every kind; each kind sends
    /// only its own members (the others stay null), and productType says which kind it is.
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class PriceRequest
    {
        PriceRequest(string productType) => ProductType = productType;

        [JsonProperty("productType")] public string ProductType { get; }
        [JsonProperty("locationId")] public int? LocationId { get; private set; }
        [JsonProperty("portLocationId")] public int? PortLocationId { get; private set; }
        [JsonProperty("aLocationId")] public int? ALocationId { get; private set; }
        [JsonProperty("bLocationId")] public int? BLocationId { get; private set; }
        [JsonProperty("speed")] public int? Speed { get; private set; }
        [JsonProperty("term")] public int? Term { get; private set; }
        [JsonProperty("size")] public string? Size { get; private set; }
        [JsonProperty("mveLabel")] public string? MveLabel { get; private set; }
        [JsonProperty("ixType")] public string? IxType { get; private set; }
        [JsonProperty("connectType")] public string? ConnectType { get; private set; }
        [JsonProperty("aEndProductType")] public string? AEndProductType { get; private set; }
        [JsonProperty("addOns")] public List<PriceAddOn>? AddOns { get; private set; }

        public static PriceRequest Port(int locationId, int speed, int? term) =>
            new("MEGAPORT") { LocationId = locationId, Speed = speed, Term = term };

        public static PriceRequest Mcr(int locationId, int speed, int? term, int ipsecTunnels) =>
            new("MCR2")
            {
                LocationId = locationId, Speed = speed, Term = term,
                AddOns = ipsecTunnels > 0 ? new List<PriceAddOn> { new("IP_SEC", ipsecTunnels) } : null,
            };

        public static PriceRequest Mve(int locationId, string? size, string? mveLabel, int? term) =>
            new("MVE") { LocationId = locationId, Size = size, MveLabel = mveLabel, Term = term };

        /// <param name="aEndProductType">MEGAPORT, MCR2 or MVE: what the VXC starts from.</param>
        /// <param name="connectType">The B-End's kind (AWS, AZURE, ...), when it is a cloud or partner port.</param>
        public static PriceRequest Vxc(int aLocationId, int bLocationId, int speed, int? term, string? aEndProductType, string? connectType) =>
            new("VXC") { ALocationId = aLocationId, BLocationId = bLocationId, Speed = speed, Term = term, AEndProductType = aEndProductType, ConnectType = connectType };

        public static PriceRequest Ix(int portLocationId, string ixType, int speed, int? term) =>
            new("IX") { PortLocationId = portLocationId, IxType = ixType, Speed = speed, Term = term };

        /// <summary>The API's product types for the kinds Get-MegaportPrice prices.</summary>
        public static string ProductTypeOf(string kind) => kind switch
        {
            "Port" => "MEGAPORT",
            "Mcr" => "MCR2",
            "Mve" => "MVE",
            "Vxc" => "VXC",
            "Ix" => "IX",
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class PriceAddOn
    {
        public PriceAddOn(string addOnType, int tunnelCount) { AddOnType = addOnType; TunnelCount = tunnelCount; }
        [JsonProperty("addOnType")] public string AddOnType { get; }
        [JsonProperty("tunnelCount")] public int TunnelCount { get; }
    }
}
