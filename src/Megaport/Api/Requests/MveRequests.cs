using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Megaport.Api.Requests
{
    /// <summary>An MVE in a network design.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class MveOrder
    {
        [JsonProperty("locationId")] public int LocationId { get; set; }
        [JsonProperty("productName")] public string Name { get; set; } = "";
        [JsonProperty("term")] public int Term { get; set; }
        [JsonProperty("productType")] public string ProductType => "MVE";
        [JsonProperty("vnics")] public IReadOnlyList<MveVnic> Vnics { get; set; } = new List<MveVnic>();
        [JsonProperty("config")] public ZoneConfig Config { get; set; } = new();
        /// <summary>The image settings (<see cref="MveVendorConfig"/>) plus the vendor's own keys.</summary>
        [JsonProperty("vendorConfig")] public JObject VendorConfig { get; set; } = new();
        [JsonProperty("costCentre")] public string? CostCentre { get; set; }
        [JsonProperty("promoCode")] public string? PromoCode { get; set; }
        [JsonProperty("resourceTags")] public IReadOnlyList<ResourceTag>? Tags { get; set; }
    }

    /// <summary>The vendorConfig fields every MVE order has; the vendor-specific rest is free-form.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class MveVendorConfig
    {
        [JsonProperty("vendor")] public string Vendor { get; set; } = "";
        [JsonProperty("imageId")] public int ImageId { get; set; }
        [JsonProperty("productSize")] public string ProductSize { get; set; } = "";
        [JsonProperty("mveLabel")] public string? MveLabel { get; set; }

        /// <summary>These fields plus the vendor's own settings; a setting these fields already hold is refused.</summary>
        public JObject With(JObject? vendorSettings, string what)
        {
            var config = (JObject)RequestJson.ToToken(this);
            if (vendorSettings == null) return config;
            foreach (var property in vendorSettings.Properties())
            {
                if (config.ContainsKey(property.Name))
                    throw Errors.MegaportException.InvalidArgument($"{what} key '{property.Name}' is set by another parameter.", property.Name);
                config[property.Name] = property.Value;
            }
            return config;
        }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class MveVnic
    {
        [JsonProperty("description")] public string Description { get; set; } = "";
        /// <summary>Not sent when 0.</summary>
        [JsonProperty("vlan")] public int? Vlan { get; set; }
    }

    /// <summary>A change to an MVE: the located-service settings and its vNIC names (positional).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class MveChange : LocatedServiceChange
    {
        [JsonProperty("vnics")] public IReadOnlyList<MveVnic>? Vnics { get; set; }
    }
}
