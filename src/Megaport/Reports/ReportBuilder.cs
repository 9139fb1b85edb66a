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
                    Measured = product.Telemetry != null && !design,
                    PriceUnknown = design ? "a design is not billed until it is bought" : null,
                });
            }
            return data;
        }

        /// <summary>Reads one row's price (validate: nothing is bought) and traffic; what the API will not give stays unknown with the reason.</summary>
        public static async Task<ReportRow> FillAsync(MegaportApi api, ReportRow row, TelemetryRange range, CallContext ctx)
        {
            var s = row.Service;
            var product = Products.Products.Of(s);
            if (row.PriceUnknown == null)
            {
                var line = product.PriceLine(s, row.Place, out var whyNot);
                if (line == null) row.PriceUnknown = whyNot;
                else
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
            }
            if (row.Measured)
            {
                try
                {
                    var series = await api.GetTelemetryAsync(s, new[] { product.Telemetry!.Traffic }, range, ctx).ConfigureAwait(false);
                    row.In = series.FirstOrDefault(x => x.Subtype == "IN");
                    row.Out = series.FirstOrDefault(x => x.Subtype == "OUT");
                }
                catch (MegaportException ex) when (ex.IsItemFailure)
                {
                    row.TelemetryError = "no traffic: " + (ex.ApiMessage ?? ex.Message);
                }
            }
            return row;
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
