using System;

namespace Megaport
{
    /// <summary>
    /// A prefix filter list of an MCR or a NAT gateway (Get-MegaportMcrPrefixList, Get-MegaportNatGatewayPrefixList);
    /// the BGP sessions of the VXCs on that product name it for their import and export filters.
    /// </summary>
    public sealed class PrefixList
    {
        /// <summary>The MCR or NAT gateway the list belongs to.</summary>
        public string ProductUid { get; internal set; } = "";
        public int Id { get; internal set; }
        /// <summary>The list's name.</summary>
        public string Description { get; internal set; } = "";
        /// <summary>IPv4 or IPv6.</summary>
        public string AddressFamily { get; internal set; } = "";
        public PrefixListEntry[] Entries { get; internal set; } = Array.Empty<PrefixListEntry>();

        public override string ToString() => $"{Description} ({AddressFamily}, {Entries.Length} entries)";
    }

    /// <summary>One entry of a prefix list. The same keys, in a hashtable, make an entry for -Entry.</summary>
    public sealed class PrefixListEntry
    {
        /// <summary>permit or deny.</summary>
        public string Action { get; internal set; } = "";
        public string Prefix { get; internal set; } = "";
        /// <summary>Match prefixes at least this long (null: the prefix's own length).</summary>
        public int? Ge { get; internal set; }
        /// <summary>Match prefixes at most this long (null: the prefix's own length, or Ge).</summary>
        public int? Le { get; internal set; }

        public override string ToString() => $"{Action} {Prefix}" + (Ge != null ? $" ge {Ge}" : "") + (Le != null ? $" le {Le}" : "");
    }
}
