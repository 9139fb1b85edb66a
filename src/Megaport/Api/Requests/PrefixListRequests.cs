using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>
    /// The whole prefix list an MCR or a NAT gateway takes on create (POST) and replace (PUT). The owners' wire differs
    /// in one thing only, how ge and le travel, and <see cref="LengthsAsText"/> says which form this body takes.
    /// </summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class PrefixListSpec
    {
        [JsonProperty("description")] public string Description { get; set; } = "";
        /// <summary>IPv4 or IPv6.</summary>
        [JsonProperty("addressFamily")] public string AddressFamily { get; set; } = "";
        public IReadOnlyList<PrefixListEntrySpec> Entries { get; set; } = new List<PrefixListEntrySpec>();

        /// <summary>An MCR takes ge and le as numbers, a NAT gateway as text; the API call sets it from the owner it writes to.</summary>
        public bool LengthsAsText { get; set; }

        [JsonProperty("entries")] IEnumerable<WireEntry> WireEntries => Entries.Select(e => new WireEntry(e, LengthsAsText));

        [JsonObject(MemberSerialization.OptIn)]
        sealed class WireEntry
        {
            readonly PrefixListEntrySpec _entry;
            readonly bool _asText;
            public WireEntry(PrefixListEntrySpec entry, bool asText) { _entry = entry; _asText = asText; }

            [JsonProperty("action")] string Action => _entry.Action;
            [JsonProperty("prefix")] string Prefix => _entry.Prefix;
            [JsonProperty("ge")] object? Ge => Length(_entry.Ge);
            [JsonProperty("le")] object? Le => Length(_entry.Le);

            object? Length(int? n) => n is int v && _asText ? v.ToString(CultureInfo.InvariantCulture) : n;
        }
    }

    /// <summary>One entry, checked by Ordering.PrefixListRules; ge and le are numbers here whatever the owner's wire form.</summary>
    internal sealed class PrefixListEntrySpec
    {
        /// <summary>permit or deny.</summary>
        public string Action { get; set; } = "";
        public string Prefix { get; set; } = "";
        public int? Ge { get; set; }
        public int? Le { get; set; }
    }
}
