using System;
using System.Collections.Generic;
using System.Linq;

namespace Megaport.Products
{
    /// <summary>
    /// What the API measures for one kind of product: where its telemetry is read (GET, not enveloped), the types it
    /// offers, the ones read when none are asked for, and the type whose IN/OUT series is the service's traffic.
    /// </summary>
    internal sealed class TelemetryKind
    {
        readonly string _root;

        /// <param name="root">The product's path; "/{uid}/telemetry" is added.</param>
        public TelemetryKind(string root, string[] types, string[] defaults, string traffic)
        {
            _root = root;
            Types = types;
            Defaults = defaults;
            Traffic = traffic;
            if (defaults.Concat(new[] { traffic }).Any(t => !types.Contains(t)))
                throw new ArgumentException("Default and traffic types must be among the types offered.");
        }

        public string Path(string productUid) => _root + "/" + Uri.EscapeDataString(productUid) + "/telemetry";

        /// <summary>Upper case, as the module emits them.</summary>
        public IReadOnlyList<string> Types { get; }
        public IReadOnlyList<string> Defaults { get; }
        /// <summary>BITS (A_BITS for a VXC): in/out traffic in Mbps, what the report charts.</summary>
        public string Traffic { get; }

        /// <summary>Every type any product offers (a -Type that is none of these is refused before any request).</summary>
        public static IReadOnlyList<string> AllTypes => Products.All.Select(p => p.Telemetry).Where(t => t != null)
            .SelectMany(t => t!.Types).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
