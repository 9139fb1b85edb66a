using System;
using System.Linq;
using System.Text.RegularExpressions;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>The local input rules: bad input is refused with MegaportInvalidArgument before any request is sent.</summary>
    internal static class Check
    {
        public static readonly int[] Terms = { 1, 12, 24, 36, 48, 60 };

        static MegaportException Bad(string message, object? target) => MegaportException.InvalidArgument(message, target);

        public static void Name(string? name, string what = "Name", int max = 64)
        {
            if (string.IsNullOrWhiteSpace(name)) throw Bad($"-{what} must not be empty.", name);
            if (name!.Length > max) throw Bad($"-{what} is {name.Length} characters long; Megaport allows 1 to {max}.", name);
            if (name.Any(char.IsControl)) throw Bad($"-{what} must not contain control characters.", name);
        }

        public static void Term(int term)
        {
            if (!Terms.Contains(term)) throw Bad($"-Term {term} is not a Megaport contract term; use one of {string.Join(", ", Terms)} (months).", term);
        }

        public static void CostCentre(string? costCentre)
        {
            if (costCentre != null && costCentre.Length > 255) throw Bad($"-CostCentre is {costCentre.Length} characters long; at most 255 are allowed.", costCentre);
            if (costCentre != null && costCentre.Any(char.IsControl)) throw Bad("-CostCentre must not contain control characters.", costCentre);
        }

        /// <summary>0 = let Megaport choose, -1 = untagged, otherwise 2-4093.</summary>
        public static void Vlan(int vlan, string what)
        {
            if (vlan is 0 or -1 || (vlan >= 2 && vlan <= 4093)) return;
            throw Bad($"-{what} {vlan} is not a usable VLAN: use 2-4093, 0 to let Megaport choose, or -1 for untagged.", vlan);
        }

        public static void InnerVlan(int vlan, string what)
        {
            if (vlan == 0 || vlan == -1 || (vlan >= 2 && vlan <= 4093)) return;
            throw Bad($"-{what} {vlan} is not a usable inner VLAN: use 2-4093, or -1 for untagged.", vlan);
        }

        public static void RateLimit(int rateLimit)
        {
            if (rateLimit <= 0) throw Bad($"-RateLimit {rateLimit} must be a positive number of Mbps.", rateLimit);
        }

        public static void Asn(long asn, string what)
        {
            if (asn < 1 || asn > 4294967295L) throw Bad($"-{what} {asn} is not an ASN (1-4294967295).", asn);
        }

        static readonly Regex AwsAccount = new("^[0-9]{12}$");
        public static void AwsAccountId(string account)
        {
            if (!AwsAccount.IsMatch(account ?? "")) throw Bad($"-AwsAccountId '{account}' is not an AWS account id (12 digits).", account);
        }

        static readonly Regex IbmAccount = new("^[0-9a-fA-F]{32}$");
        public static void IbmAccountId(string account)
        {
            if (!IbmAccount.IsMatch(account ?? "")) throw Bad($"-IbmAccountId '{account}' is not an IBM account id (32 hexadecimal characters).", account);
        }

        /// <summary>The customer ASN ranges IBM Direct Link accepts.</summary>
        public static void IbmAsn(long asn)
        {
            var ok = (asn >= 1 && asn <= 64495) || asn == 64999 || (asn >= 131072 && asn <= 4199999999L) || (asn >= 4201000000L && asn <= 4201064511L);
            if (!ok) throw Bad($"-IbmCustomerAsn {asn} is outside the ranges IBM accepts (1-64495, 64999, 131072-4199999999, 4201000000-4201064511).", asn);
        }

        static readonly Regex IbmNameChars = new("^[0-9a-zA-Z/_,-]{1,100}$");
        public static void IbmName(string name)
        {
            if (!IbmNameChars.IsMatch(name ?? "")) throw Bad($"-IbmName '{name}' must be 1-100 characters of 0-9 a-z A-Z / - _ ,", name);
        }

        static readonly Regex Mac = new("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$");
        public static void MacAddress(string mac)
        {
            if (!Mac.IsMatch(mac ?? "")) throw Bad($"-MacAddress '{mac}' is not a MAC address (e.g. 00:11:22:33:44:55).", mac);
        }

        /// <summary>An IPv4 or IPv6 address with a prefix length ("169.254.0.1/30").</summary>
        public static void Cidr(string? value, string what)
        {
            if (value == null) return;
            var parts = value.Split('/');
            if (parts.Length == 2 && System.Net.IPAddress.TryParse(parts[0], out var ip) && int.TryParse(parts[1], out var len)
                && len >= 0 && len <= (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)) return;
            throw Bad($"-{what} '{value}' is not an address with a prefix length (e.g. 169.254.0.1/30).", value);
        }

        public static void Uid(string? uid, string what)
        {
            if (!IsUid(uid)) throw Bad($"-{what} '{uid}' is not a product UID (a UUID: 8-4-4-4-12 hexadecimal digits, such as {UidExample}).", uid);
        }

        /// <summary>A Megaport service key: a UUID like product UIDs, but named as what it is.</summary>
        public static void ServiceKey(string? key, string what)
        {
            if (!IsUid(key)) throw Bad($"-{what} '{key}' is not a service key (a UUID: 8-4-4-4-12 hexadecimal digits, such as {UidExample}).", key);
        }

        public const string UidExample = "2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12";

        // Every Megaport product UID (ports, VXCs, IXs, MCRs, MVEs, partner ports) and every service key is a UUID
        // in its canonical 8-4-4-4-12 form, in either case. Anything else cannot name a service, so it is refused
        // before a request is sent: a 404 would say less, and a name or a wildcard in a URL path could reach
        // another endpoint. The version and variant digits are not checked: the API fixtures in
        // tests/Megaport.Tests/Fixtures hold UUIDs such as 11111111-2222-3333-4444-555555555555.
        // \z, not $: "$" would let a trailing newline through.
        static readonly Regex UidPattern = new("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\z", RegexOptions.CultureInvariant);

        public static bool IsUid(string? uid) => uid != null && UidPattern.IsMatch(uid);

        /// <summary>A cloud key (Azure service key, Google pairing key, Oracle OCID, Megaport service key).</summary>
        public static void CloudKey(string key, string what)
        {
            if (string.IsNullOrWhiteSpace(key)) throw Bad($"-{what} must not be empty.", key);
            Text(key, what, 255);
            if (key.Any(char.IsWhiteSpace) || key.IndexOfAny(new[] { '*', '?', '[', ']' }) >= 0)
                throw Bad($"-{what} '{key}' contains characters no cloud key has.", key);
        }

        public static void Text(string? value, string what, int max = 255)
        {
            if (value == null) return;
            if (value.Length > max) throw Bad($"-{what} is {value.Length} characters long; at most {max} are allowed.", value);
            if (value.Any(char.IsControl)) throw Bad($"-{what} must not contain control characters.", value);
        }
    }
}
