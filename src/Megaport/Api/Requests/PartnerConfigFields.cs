using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Megaport.Api.Requests
{
    /// <summary>
    /// A VXC end's partnerConfig given as the API's own fields (a design's a_end_partner_config/b_end_partner_config,
    /// as the CLI's --b-end-partner-config takes them): read into the typed specs, so an unknown or mistyped field is
    /// refused before any request, and written back from them (an export).
    /// </summary>
    internal static class PartnerConfigFields
    {
        const string ConnectTypeField = "connectType";

        static readonly JsonSerializer Strict = JsonSerializer.Create(new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Error,
            DateParseHandling = DateParseHandling.None,
        });

        static readonly Dictionary<string, Type> ByConnectType = new(StringComparer.OrdinalIgnoreCase)
        {
            [ConnectTypes.Aws] = typeof(AwsPartnerConfig),
            [ConnectTypes.AwsHostedConnection] = typeof(AwsHostedConnectionPartnerConfig),
            [ConnectTypes.Azure] = typeof(AzurePartnerConfig),
            [ConnectTypes.Google] = typeof(GooglePartnerConfig),
            [ConnectTypes.Oracle] = typeof(OraclePartnerConfig),
            [ConnectTypes.Ibm] = typeof(IbmPartnerConfig),
            [ConnectTypes.Transit] = typeof(TransitPartnerConfig),
            [ConnectTypes.VRouter] = typeof(VRouterPartnerConfig),
        };

        /// <summary>The connect type the fields name (VROUTER for an MCR's own end, which names none), upper case.</summary>
        public static string ConnectTypeOf(JObject fields) =>
            fields.GetValue(ConnectTypeField, StringComparison.OrdinalIgnoreCase)?.ToString().ToUpperInvariant() ?? ConnectTypes.VRouter;

        /// <summary>The typed partnerConfig; a MegaportInvalidArgument names the field that does not fit.</summary>
        public static PartnerConfig Parse(JObject fields)
        {
            var connectType = ConnectTypeOf(fields);
            if (!ByConnectType.TryGetValue(connectType, out var type))
                throw MegaportException.InvalidArgument(
                    $"connectType '{connectType}' is not one of {string.Join(", ", ByConnectType.Keys)}.", connectType);
            var copy = (JObject)fields.DeepClone();
            copy.Remove(ConnectTypeField);
            try
            {
                return (PartnerConfig)copy.ToObject(type, Strict)!;
            }
            catch (JsonException ex)
            {
                throw MegaportException.InvalidArgument($"{ex.Message.Split(new[] { ". Path" }, StringSplitOptions.None)[0]} (a {connectType} partner config).", null);
            }
        }

        /// <summary>
        /// The partnerConfig a VXC's cloud end was ordered with, as far as the account shows it (an export). Secrets
        /// (an AWS auth key) are never read back, so never written.
        /// </summary>
        public static PartnerConfig? FromCloud(VxcCloudConnection cloud) => cloud.ConnectType.ToUpperInvariant() switch
        {
            ConnectTypes.Aws => new AwsPartnerConfig
            {
                Type = cloud.AwsInterfaceType ?? "private", OwnerAccount = cloud.AwsAccountId ?? "", Asn = cloud.CustomerAsn ?? 0, AmazonAsn = cloud.AmazonAsn,
                CustomerIpAddress = cloud.CustomerAddress, AmazonIpAddress = cloud.AmazonAddress,
            },
            ConnectTypes.AwsHostedConnection => new AwsHostedConnectionPartnerConfig { OwnerAccount = cloud.AwsAccountId ?? "" },
            ConnectTypes.Azure => new AzurePartnerConfig { ServiceKey = cloud.AzureServiceKey ?? "" },
            ConnectTypes.Google => new GooglePartnerConfig { PairingKey = cloud.GooglePairingKey ?? "" },
            ConnectTypes.Oracle => new OraclePartnerConfig { VirtualCircuitId = cloud.OracleVirtualCircuitId ?? "" },
            ConnectTypes.Ibm => new IbmPartnerConfig { AccountId = cloud.IbmAccountId ?? "", CustomerAsn = cloud.CustomerAsn ?? 0 },
            ConnectTypes.Transit => new TransitPartnerConfig(),
            // Another company's port: no partner config.
            _ => null,
        };

        /// <summary>The API's fields of a partnerConfig, its connectType first (none for an MCR's own end).</summary>
        public static JObject Fields(PartnerConfig config)
        {
            var fields = (JObject)RequestJson.ToToken(config);
            if (config.ConnectType == null) fields.Remove(ConnectTypeField);
            var ordered = new JObject();
            if (fields[ConnectTypeField] is JToken ct) ordered[ConnectTypeField] = ct;
            foreach (var p in fields.Properties().Where(p => p.Name != ConnectTypeField)) ordered[p.Name] = p.Value;
            return ordered;
        }
    }

    /// <summary>
    /// An MVE's vendorConfig given as the API's own fields (a design's vendor_config, as the CLI takes it): the image
    /// fields every order needs are checked; the vendor's own keys pass through.
    /// </summary>
    internal static class VendorConfigFields
    {
        public static MveVendorConfig Parse(JObject fields)
        {
            MveVendorConfig config;
            try { config = fields.ToObject<MveVendorConfig>()!; }
            catch (JsonException ex)
            {
                throw MegaportException.InvalidArgument(ex.Message.Split(new[] { ". Path" }, StringSplitOptions.None)[0] + ".", null);
            }
            var missing = new List<string>();
            if (string.IsNullOrEmpty(config.Vendor)) missing.Add("vendor");
            if (config.ImageId <= 0) missing.Add("imageId");
            if (string.IsNullOrEmpty(config.ProductSize)) missing.Add("productSize");
            if (missing.Count > 0) throw MegaportException.InvalidArgument($"needs {string.Join(", ", missing)}.", null);
            return config;
        }

        /// <summary>The vendorConfig fields the account shows for an MVE (an export; the vendor's own settings are not read back).</summary>
        public static JObject Fields(Mve mve) => (JObject)RequestJson.ToToken(new MveVendorConfig { Vendor = mve.Vendor ?? "", ImageId = mve.ImageId ?? 0, ProductSize = mve.Size ?? "" });
    }
}
