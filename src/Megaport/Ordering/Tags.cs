using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Ordering
{
    /// <summary>Resource tags from PowerShell input (a hashtable, an ordered dictionary, an object with properties).</summary>
    internal static class Tags
    {
        /// <summary>The tags of an order, in key order so the request is deterministic; null when there are none.</summary>
        public static IReadOnlyList<ResourceTag>? Of(IDictionary? tags)
        {
            if (tags == null || tags.Count == 0) return null;
            return Read(tags).Select(t => new ResourceTag(t.Key, t.Value ?? ""))
                .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        }

        /// <summary>Tags as given: a null value means "remove this key" (Set-MegaportServiceTag).</summary>
        public static IReadOnlyList<KeyValuePair<string, string?>> Read(IDictionary tags)
        {
            var list = new List<KeyValuePair<string, string?>>();
            foreach (DictionaryEntry e in tags)
            {
                var key = PSJson.ToText(e.Key, "A tag key");
                if (string.IsNullOrWhiteSpace(key)) throw MegaportException.InvalidArgument("A tag key must not be empty.", tags);
                var value = PSJson.ToText(e.Value, $"The tag '{key}'");
                Check.Text(key, "Tag key", 128);
                Check.Text(value, "Tag value", 256);
                list.Add(new KeyValuePair<string, string?>(key!, value));
            }
            return list;
        }
    }
}
