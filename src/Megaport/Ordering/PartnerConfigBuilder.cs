using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>
    /// Builds the partnerConfig of a VXC end per cloud, checking each field before any request. The names in
    /// messages are the New-MegaportVxc parameters the values come from.
    /// </summary>
    internal static class PartnerConfigBuilder
    {
        public static AwsPartnerConfig Aws(string accountId, long asn, string connectionType, long? amazonAsn, string? authKey,
            IReadOnlyList<string>? prefixes, string? customerIpAddress, string? amazonIpAddress, string? connectionName)
        {
            Check.AwsAccountId(accountId);
            Check.Asn(asn, "AwsAsn");
            if (amazonAsn is long a) Check.Asn(a, "AmazonAsn");
            Check.Text(authKey, "AwsAuthKey");
            Check.Cidr(customerIpAddress, "CustomerIpAddress");
            Check.Cidr(amazonIpAddress, "AmazonIpAddress");
            Check.Text(connectionName, "AwsConnectionName");
            if (prefixes != null) foreach (var prefix in prefixes) Check.Cidr(prefix, "AwsPrefixes");
            return new AwsPartnerConfig
            {
                Type = connectionType.ToLowerInvariant(),
                OwnerAccount = accountId,
                Asn = asn,
                AmazonAsn = amazonAsn is > 0 ? amazonAsn : null,
                AuthKey = string.IsNullOrEmpty(authKey) ? null : authKey,
                Prefixes = prefixes is { Count: > 0 } ? string.Join(",", prefixes) : null,
                CustomerIpAddress = customerIpAddress,
                AmazonIpAddress = amazonIpAddress,
                Name = string.IsNullOrEmpty(connectionName) ? null : connectionName,
            };
        }

        public static AwsHostedConnectionPartnerConfig AwsHostedConnection(string accountId, string? connectionName)
        {
            Check.AwsAccountId(accountId);
            Check.Text(connectionName, "AwsConnectionName");
            return new AwsHostedConnectionPartnerConfig { OwnerAccount = accountId, Name = string.IsNullOrEmpty(connectionName) ? null : connectionName };
        }

        /// <summary>An ExpressRoute circuit; each peering is a hashtable or object with Type, PeerAsn, PrimarySubnet, SecondarySubnet, Prefixes, SharedKey, Vlan.</summary>
        public static AzurePartnerConfig Azure(string serviceKey, IReadOnlyList<IDictionary>? peerings)
        {
            Check.CloudKey(serviceKey, "AzureServiceKey");
            return new AzurePartnerConfig
            {
                ServiceKey = serviceKey,
                Peers = peerings is { Count: > 0 } ? peerings.Select(AzurePeer).ToList() : null,
            };
        }

        public static GooglePartnerConfig Google(string pairingKey)
        {
            Check.CloudKey(pairingKey, "GooglePairingKey");
            return new GooglePartnerConfig { PairingKey = pairingKey };
        }

        public static OraclePartnerConfig Oracle(string virtualCircuitId)
        {
            Check.CloudKey(virtualCircuitId, "OracleVirtualCircuitId");
            return new OraclePartnerConfig { VirtualCircuitId = virtualCircuitId };
        }

        public static IbmPartnerConfig Ibm(string accountId, long customerAsn, string? name, string? customerIpAddress, string? providerIpAddress)
        {
            Check.IbmAccountId(accountId);
            Check.IbmAsn(customerAsn);
            if (name != null) Check.IbmName(name);
            Check.Cidr(customerIpAddress, "IbmCustomerIpAddress");
            Check.Cidr(providerIpAddress, "IbmProviderIpAddress");
            return new IbmPartnerConfig
            {
                AccountId = accountId,
                CustomerAsn = customerAsn,
                Name = name ?? "MEGAPORT",
                CustomerIpAddress = customerIpAddress,
                ProviderIpAddress = providerIpAddress,
            };
        }

        public static TransitPartnerConfig Internet() => new();

        /// <summary>
        /// The -Mcr* shortcut of New-MegaportVxc: one MCR interface with its addresses, BFD, and one BGP session when a
        /// peer is given, as the config objects New-MegaportMcrInterfaceConfig makes.
        /// </summary>
        public static McrInterfaceConfig VRouterShortcut(IReadOnlyList<string>? ipAddresses, string? peerIpAddress, long? peerAsn, string? bgpPassword, bool bfd)
        {
            if (ipAddresses is not { Count: > 0 })
                throw MegaportException.InvalidArgument("-McrIpAddress is needed to configure the MCR side (e.g. 169.254.100.1/30).", null);
            foreach (var ip in ipAddresses) Check.Cidr(ip, "McrIpAddress");
            var peers = new List<BgpPeerConfig>();
            if (peerAsn != null || peerIpAddress != null || bgpPassword != null)
            {
                Check.Asn(peerAsn ?? 0, "McrPeerAsn");
                if (peerIpAddress == null || !System.Net.IPAddress.TryParse(peerIpAddress, out _))
                    throw MegaportException.InvalidArgument($"-McrPeerIpAddress '{peerIpAddress}' is not an IP address.", peerIpAddress);
                Check.Text(bgpPassword, "McrBgpPassword");
                System.Security.SecureString? password = null;
                if (!string.IsNullOrEmpty(bgpPassword))
                {
                    password = new System.Security.SecureString();
                    foreach (var c in bgpPassword!) password.AppendChar(c);
                }
                peers.Add(McrConfigRules.BgpPeer(peerAsn!.Value, null, ipAddresses[0].Split('/')[0], peerIpAddress, password, false, null, null, null, bfd,
                    null, null, null, null, null, null, null, null, null, false));
            }
            return McrConfigRules.Interface(ipAddresses, null, null, bfd ? 300 : null, bfd ? 300 : null, bfd ? 3 : null, null, peers);
        }

        static AzurePeering AzurePeer(IDictionary peer)
        {
            var settings = PSJson.ToObject(peer, "-AzurePeering");
            string? Text(string key)
            {
                var token = settings.GetValue(key, StringComparison.OrdinalIgnoreCase);
                return token == null || token.Type == Newtonsoft.Json.Linq.JTokenType.Null ? null
                    : token is Newtonsoft.Json.Linq.JArray list ? string.Join(",", list.Select(t => t.ToString()))
                    : PSJson.ToText(token, "-AzurePeering " + key);
            }
            var type = Text("Type") ?? "private";
            if (!new[] { "private", "microsoft" }.Contains(type.ToLowerInvariant()))
                throw MegaportException.InvalidArgument($"Azure peering type '{type}' must be private or microsoft.", peer);
            var result = new AzurePeering { Type = type.ToLowerInvariant() };
            if (Text("PeerAsn") is string asn)
            {
                if (!long.TryParse(asn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)) throw MegaportException.InvalidArgument($"Azure peering PeerAsn '{asn}' is not a number.", peer);
                Check.Asn(a, "AzurePeering PeerAsn");
                if (a == 65515) throw MegaportException.InvalidArgument("Azure reserves ASN 65515; use another PeerAsn.", peer);
                result.PeerAsn = asn;
            }
            if (Text("PrimarySubnet") is string primary) { Check.Cidr(primary, "AzurePeering PrimarySubnet"); result.PrimarySubnet = primary; }
            if (Text("SecondarySubnet") is string secondary) { Check.Cidr(secondary, "AzurePeering SecondarySubnet"); result.SecondarySubnet = secondary; }
            result.Prefixes = Text("Prefixes");
            result.SharedKey = Text("SharedKey");
            if (Text("Vlan") is string vlan)
            {
                if (!int.TryParse(vlan, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) throw MegaportException.InvalidArgument($"Azure peering Vlan '{vlan}' is not a number.", peer);
                Check.Vlan(v, "AzurePeering Vlan");
                result.Vlan = v;
            }
            return result;
        }
    }
}
