using System.Collections.Generic;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>The partnerConfig of a VXC end: what the cloud (or the MCR) on that end needs to know.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal abstract class PartnerConfig
    {
        /// <summary>AWS, AWSHC, AZURE, GOOGLE, ORACLE, IBM, TRANSIT; null for an MCR's own end.</summary>
        [JsonProperty("connectType")] public abstract string? ConnectType { get; }
    }

    /// <summary>An AWS hosted VIF (private, public or transit).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class AwsPartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.Aws;
        /// <summary>private, public or transit.</summary>
        [JsonProperty("type")] public string Type { get; set; } = "private";
        [JsonProperty("ownerAccount")] public string OwnerAccount { get; set; } = "";
        [JsonProperty("asn")] public long Asn { get; set; }
        [JsonProperty("amazonAsn")] public long? AmazonAsn { get; set; }
        [JsonProperty("authKey")] public string? AuthKey { get; set; }
        /// <summary>Comma-separated prefixes (public VIFs).</summary>
        [JsonProperty("prefixes")] public string? Prefixes { get; set; }
        [JsonProperty("customerIpAddress")] public string? CustomerIpAddress { get; set; }
        [JsonProperty("amazonIpAddress")] public string? AmazonIpAddress { get; set; }
        [JsonProperty("name")] public string? Name { get; set; }
    }

    /// <summary>An AWS hosted connection.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class AwsHostedConnectionPartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.AwsHostedConnection;
        [JsonProperty("ownerAccount")] public string OwnerAccount { get; set; } = "";
        [JsonProperty("name")] public string? Name { get; set; }
    }

    /// <summary>An Azure ExpressRoute circuit, by its service key, with the peerings to set up.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class AzurePartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.Azure;
        [JsonProperty("serviceKey")] public string ServiceKey { get; set; } = "";
        [JsonProperty("peers")] public IReadOnlyList<AzurePeering>? Peers { get; set; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class AzurePeering
    {
        /// <summary>private or microsoft.</summary>
        [JsonProperty("type")] public string Type { get; set; } = "private";
        /// <summary>Sent as text, as the API takes it.</summary>
        [JsonProperty("peer_asn")] public string? PeerAsn { get; set; }
        [JsonProperty("primary_subnet")] public string? PrimarySubnet { get; set; }
        [JsonProperty("secondary_subnet")] public string? SecondarySubnet { get; set; }
        [JsonProperty("prefixes")] public string? Prefixes { get; set; }
        [JsonProperty("shared_key")] public string? SharedKey { get; set; }
        [JsonProperty("vlan")] public int? Vlan { get; set; }
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class GooglePartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.Google;
        [JsonProperty("pairingKey")] public string PairingKey { get; set; } = "";
    }

    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class OraclePartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.Oracle;
        [JsonProperty("virtualCircuitId")] public string VirtualCircuitId { get; set; } = "";
    }

    /// <summary>IBM Direct Link (the API takes snake_case here).</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class IbmPartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.Ibm;
        [JsonProperty("account_id")] public string AccountId { get; set; } = "";
        [JsonProperty("customer_asn")] public long CustomerAsn { get; set; }
        [JsonProperty("name")] public string Name { get; set; } = "MEGAPORT";
        [JsonProperty("customer_ip_address")] public string? CustomerIpAddress { get; set; }
        [JsonProperty("provider_ip_address")] public string? ProviderIpAddress { get; set; }
    }

    /// <summary>Megaport Internet.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class TransitPartnerConfig : PartnerConfig
    {
        public override string? ConnectType => ConnectTypes.Transit;
    }

    /// <summary>The connectType values of partner ports and VXC ends. The API may send others; they are kept as text.</summary>
    internal static class ConnectTypes
    {
        public const string Aws = "AWS";
        public const string AwsHostedConnection = "AWSHC";
        public const string Azure = "AZURE";
        public const string Google = "GOOGLE";
        public const string Oracle = "ORACLE";
        public const string Ibm = "IBM";
        public const string Transit = "TRANSIT";
        /// <summary>Another company's own port in the marketplace.</summary>
        public const string Marketplace = "DEFAULT";
        /// <summary>The MCR's own end of a VXC.</summary>
        public const string VRouter = "VROUTER";
    }
}
