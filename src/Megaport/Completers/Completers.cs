using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Megaport.Ordering;

namespace Megaport.Completers
{
    // Tab completion reads only what the session already holds (locations, partner ports, the last service listing):
    // typing never waits on the network. Run Get-MegaportLocation / Get-MegaportPartnerPort / Get-MegaportService once
    // to fill the caches.

    internal static class Completion
    {
        public static Session? SessionOf(IDictionary bound)
        {
            var given = bound.Contains("Session") ? bound["Session"] : null;
            return (given is PSObject p ? p.BaseObject : given) as Session ?? SessionStore.Current;
        }

        public static object? Bound(IDictionary bound, string name)
        {
            var v = bound.Contains(name) ? bound[name] : null;
            return v is PSObject p ? p.BaseObject : v;
        }

        /// <summary>Candidates whose value starts with the word typed, or whose label contains it.</summary>
        public static IEnumerable<CompletionResult> Match(string? word, IEnumerable<(string Value, string Label, string Tip)> candidates)
        {
            var typed = (word ?? "").Trim('\'', '"');
            var pattern = new WildcardPattern("*" + WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
            foreach (var (value, label, tip) in candidates)
            {
                if (typed.Length > 0 && !value.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && !pattern.IsMatch(label)) continue;
                yield return new CompletionResult(Quote(value), label, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tip) ? label : tip);
            }
        }

        static string Quote(string value) =>
            value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? value : "'" + value.Replace("'", "''") + "'";
    }

    /// <summary>Location ids (or names for -Name and -Location) from the session's location cache.</summary>
    public sealed class LocationCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var locations = Completion.SessionOf(fakeBoundParameters)?.Locations?.Items;
            if (locations == null) return Enumerable.Empty<CompletionResult>();
            var active = locations.Where(l => l.IsActive);
            var byName = string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase) || string.Equals(parameterName, "Location", StringComparison.OrdinalIgnoreCase);
            return byName
                ? Completion.Match(wordToComplete, active.Select(l => (l.Name, l.Name, $"{l.Id}: {l.Metro}, {l.Country}")))
                : Completion.Match(wordToComplete, active.Select(l => (l.Id.ToString(CultureInfo.InvariantCulture), $"{l.Id} {l.Name}", $"{l.Name} ({l.Metro}, {l.Country})")));
        }
    }

    /// <summary>Speeds (Mbps) offered at the -LocationId or -Location (and -DiversityZone) already typed; the standard ones otherwise.</summary>
    public sealed class SpeedCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            // The product is the noun of the command: New-MegaportMcr -> MegaportMcr.
            var noun = commandName.Substring(commandName.IndexOf('-') + 1);
            var product = Products.Products.ForCmdletNoun(noun) ?? Products.Products.Port;
            IEnumerable<int> speeds = product.StandardSpeeds;
            var zone = Completion.Bound(fakeBoundParameters, "DiversityZone") as string;
            var locations = Completion.SessionOf(fakeBoundParameters)?.Locations?.Items;
            if (locations != null && Typed(fakeBoundParameters, locations) is Location location && product.OfferedSpeeds(location, zone) is int[] offered)
                speeds = offered;
            return Completion.Match(wordToComplete, speeds.Select(s => (s.ToString(CultureInfo.InvariantCulture), $"{s} Mbps", s >= 1000 ? $"{s / 1000.0:0.#} Gbps" : $"{s} Mbps")));
        }

        /// <summary>The location typed so far: -LocationId, or -Location as an id, an exact name or a Location object. Never an error while typing.</summary>
        static Location? Typed(IDictionary bound, IReadOnlyList<Location> locations)
        {
            var value = Completion.Bound(bound, "LocationId") ?? Completion.Bound(bound, "Location");
            if (value is Location given) return locations.FirstOrDefault(l => l.Id == given.Id);
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(text)) return null;
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? locations.FirstOrDefault(l => l.Id == id)
                : locations.FirstOrDefault(l => string.Equals(l.Name, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Contract terms in months.</summary>
    public sealed class TermCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Match(wordToComplete, Check.Terms.Select(t => (t.ToString(CultureInfo.InvariantCulture), t == 1 ? "1 month" : $"{t} months", t == 1 ? "month to month" : $"{t} months")));
    }

    /// <summary>Partner connect types: the known ones and any in the partner port cache.</summary>
    public sealed class ConnectTypeCompleter : IArgumentCompleter
    {
        static readonly (string, string)[] Known =
        {
            ("AWS", "AWS hosted VIF"), ("AWSHC", "AWS hosted connection"), ("AZURE", "Azure ExpressRoute"), ("GOOGLE", "Google Cloud Interconnect"),
            ("ORACLE", "Oracle FastConnect"), ("IBM", "IBM Direct Link"), ("TRANSIT", "Megaport Internet"), ("DEFAULT", "Marketplace ports"),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var cached = Completion.SessionOf(fakeBoundParameters)?.PartnerPorts?.Items.Select(p => p.ConnectType).Where(t => t != null).Select(t => t!) ?? Enumerable.Empty<string>();
            var all = Known.Concat(cached.Where(t => Known.All(k => k.Item1 != t)).Distinct().Select(t => (t, t)));
            return Completion.Match(wordToComplete, all.Select(k => (k.Item1, k.Item1, k.Item2)));
        }
    }

    /// <summary>Partner port names (-Name) or UIDs, from the partner port cache.</summary>
    public sealed class PartnerPortCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var ports = Completion.SessionOf(fakeBoundParameters)?.PartnerPorts?.Items;
            if (ports == null) return Enumerable.Empty<CompletionResult>();
            var type = Completion.Bound(fakeBoundParameters, "ConnectType");
            var types = (type as IEnumerable<object> ?? (type is string s ? new object[] { s } : Array.Empty<object>())).Select(t => Convert.ToString(t, CultureInfo.InvariantCulture)).ToList();
            var wanted = ports.Where(p => p.VxcPermitted && (types.Count == 0 || types.Contains(p.ConnectType, StringComparer.OrdinalIgnoreCase)));
            return string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase)
                ? Completion.Match(wordToComplete, wanted.Select(p => p.Name).Distinct().Select(n => (n, n, n)))
                : Completion.Match(wordToComplete, wanted.Select(p => (p.ProductUid, $"{p.Name} ({p.ConnectType}, {p.DiversityZone ?? "any zone"})", $"{p.ProductUid} at {p.LocationName}")));
        }
    }

    /// <summary>The account's service UIDs (or names for -Name), from the last Get-MegaportService listing; B-Ends also offer partner ports.</summary>
    public sealed class ServiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = Completion.SessionOf(fakeBoundParameters);
            var services = session?.ServiceNames?.Items ?? Array.Empty<KeyValuePair<string, string>>();
            if (string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase))
                return Completion.Match(wordToComplete, services.Select(s => s.Value).Distinct().Select(n => (n, n, n)));
            var candidates = services.Select(s => (s.Key, $"{s.Value} ({s.Key})", s.Value));
            if (parameterName.StartsWith("BEnd", StringComparison.OrdinalIgnoreCase) && session?.PartnerPorts?.Items is { } partners)
                candidates = candidates.Concat(partners.Where(p => p.VxcPermitted).Select(p => (p.ProductUid, $"{p.Name} ({p.ConnectType})", p.ProductUid)));
            return Completion.Match(wordToComplete, candidates);
        }
    }

    /// <summary>Managed account names, from the last Get-MegaportManagedAccount (or name look-up) of the session.</summary>
    public sealed class ManagedAccountCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var accounts = Completion.SessionOf(fakeBoundParameters)?.ManagedAccounts?.Items ?? Array.Empty<ManagedAccount>();
            return Completion.Match(wordToComplete, accounts.Select(a => (a.Name, $"{a.Name} ({a.Reference})", a.CompanyUid)));
        }
    }
}
