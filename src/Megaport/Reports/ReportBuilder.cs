using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Cmdlets;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Reports
{
    /// <summary>Gathers the report's rows (one per active service), their prices and traffic, and renders the page.</summary>
    internal static class ReportBuilder
    {
        public static ReportData Rows(AccountSnapshot snapshot, ISet<string>? only, int days)
        {
            var locations = snapshot.Locations.GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First());
            var topology = snapshot.Topology();
            // A VXC's or IX's metro is its node's.
            var metroOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in topology.Metros)
                foreach (var n in m.Services)
                {
                    foreach (var u in n.MemberUids) metroOf[u] = m.Name;
                    foreach (var l in n.Links) if (!metroOf.ContainsKey(l.ProductUid)) metroOf[l.ProductUid] = m.Name;
                }
            var data = new ReportData
            {
                GeneratedUtc = DateTime.UtcNow,
                Days = days,
                Topology = topology,
                AccountName = snapshot.Services.Select(s => s.CompanyName).FirstOrDefault(n => !string.IsNullOrEmpty(n)),
            };
            foreach (var s in snapshot.Services.Where(s => !s.IsInactive && (only == null || only.Contains(s.ProductUid)))
                         .OrderBy(s => metroOf.TryGetValue(s.ProductUid, out var m) ? m : "", StringComparer.OrdinalIgnoreCase)
                         .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.ProductUid, StringComparer.Ordinal))
            {
                var product = Products.Products.Of(s);
                var location = s.LocationId is int id && locations.TryGetValue(id, out var l) ? l : null;
                var design = s.ProvisioningStatus == ProvisioningStatuses.Design;
                data.Rows.Add(new ReportRow(s)
                {
                    Kind = product.DisplayKind(s),
                    Metro = metroOf.TryGetValue(s.ProductUid, out var metro) ? metro : location?.Metro ?? "",
                    Place = location,
                    Location = location?.Name ?? s.LocationName,
                    Speed = product.Mbps(s),
                    // A design is neither billed nor measured until it is bought.
                    Measured = IsMeasured(s),
                    PriceUnknown = design ? "a design is not billed until it is bought" : null,
                });
            }
            return data;
        }

        /// <summary>Whether the report reads the service's traffic: an active, bought service of a measured kind.</summary>
        public static bool IsMeasured(Service s) =>
            Products.Products.Of(s).Telemetry != null && !s.IsInactive && s.ProvisioningStatus != ProvisioningStatuses.Design;

        /// <summary>One service's traffic over the range (its kind's traffic type, IN and OUT).</summary>
        public static Task<IReadOnlyList<TelemetrySeries>> ReadTrafficAsync(MegaportApi api, Service s, TelemetryRange range, CallContext ctx) =>
            api.GetTelemetryAsync(s, new[] { Products.Products.Of(s).Telemetry!.Traffic }, range, ctx);

        /// <summary>A row's traffic from its read; what the API would not give stays unknown with the reason.</summary>
        public static async Task FillTrafficAsync(ReportRow row, Task<IReadOnlyList<TelemetrySeries>> read)
        {
            try
            {
                var series = await read.ConfigureAwait(false);
                row.In = series.FirstOrDefault(x => x.Subtype == "IN");
                row.Out = series.FirstOrDefault(x => x.Subtype == "OUT");
            }
            catch (MegaportException ex) when (ex.IsItemFailure)
            {
                row.TelemetryError = "no traffic: " + (ex.ApiMessage ?? ex.Message);
            }
        }

        /// <summary>Validate lines sent in one request: the report prices an account in a few calls, not one per service.</summary>
        internal const int PriceBatch = 50;

        /// <summary>
        /// The rows' prices (validate: nothing is bought), <see cref="PriceBatch"/> lines a call. A call the API refuses
        /// (one line it will not price refuses them all) or whose answer does not match its lines one to one (a LAG
        /// gives a line item per member) is asked again line by line, so each row gets its own price or reason.
        /// </summary>
        public static async Task PriceAsync(MegaportApi api, IReadOnlyList<ReportRow> rows, CallContext ctx)
        {
            var priced = new List<(ReportRow Row, object Line)>();
            foreach (var row in rows.Where(r => r.PriceUnknown == null))
            {
                var line = Products.Products.Of(row.Service).PriceLine(row.Service, row.Place, out var whyNot);
                if (line == null) row.PriceUnknown = whyNot;
                else priced.Add((row, line));
            }
            for (var i = 0; i < priced.Count; i += PriceBatch)
            {
                var batch = priced.Skip(i).Take(PriceBatch).ToList();
                IReadOnlyList<Quote>? quotes = null;
                if (batch.Count > 1)
                {
                    try { quotes = await api.ValidateAsync(batch.Select(b => b.Line).ToList(), ctx).ConfigureAwait(false); }
                    catch (MegaportException ex) when (ex.IsItemFailure) { }
                }
                if (quotes != null && quotes.Count == batch.Count && batch.Select((b, n) => quotes[n].Name == null || quotes[n].Name == b.Row.Service.Name).All(ok => ok))
                    for (var n = 0; n < batch.Count; n++) batch[n].Row.Price = quotes[n];
                else
                    foreach (var (row, line) in batch) await PriceOneAsync(api, row, line, ctx).ConfigureAwait(false);
            }
        }

        static async Task PriceOneAsync(MegaportApi api, ReportRow row, object line, CallContext ctx)
        {
            try
            {
                var quotes = await api.ValidateAsync(new[] { line }, ctx).ConfigureAwait(false);
                if (quotes.Count > 0) row.Price = quotes[0];
                else row.PriceUnknown = "the API gave no price";
            }
            catch (MegaportException ex) when (ex.IsItemFailure)
            {
                row.PriceUnknown = "the API did not price it: " + (ex.ApiData ?? ex.ApiMessage ?? ex.Message);
            }
        }

        public static string Html(ReportData data, ISet<string>? only)
        {
            var shown = only == null ? null : new HashSet<string>(data.Rows.Select(r => r.Service.ProductUid), StringComparer.OrdinalIgnoreCase);
            bool Selected(string uid) => shown == null || shown.Contains(uid);
            // With -ProductUid: the chosen services, the VXCs and IXs chosen, and the services those VXCs reach.
            var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var n in data.Topology.Metros.SelectMany(m => m.Services))
                foreach (var l in n.Links.Where(l => Selected(l.ProductUid)))
                {
                    reached.Add(n.ProductUid);
                    if (l.OtherEnd.ProductUid != null) reached.Add(l.OtherEnd.ProductUid);
                }
            var svg = SvgTopology.Render(data.Topology,
                n => shown == null || n.MemberUids.Any(Selected) || reached.Contains(n.ProductUid),
                l => Selected(l.ProductUid));
            return ReportHtml.Render(data, svg);
        }
    }
}
