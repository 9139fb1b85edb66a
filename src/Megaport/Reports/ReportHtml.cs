using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using static Megaport.Reports.SvgTopology;

namespace Megaport.Reports
{
    /// <summary>
    /// The report as one self-contained HTML page: inline CSS, a few lines of inline script (sorting and filtering the
    /// inventory) and inline SVG written here. Its Content-Security-Policy allows nothing from outside the page, so it
    /// opens offline and a browser never fetches anything for it.
    /// </summary>
    internal static class ReportHtml
    {
        const string Css = @"
:root{--ink:#1d2433;--muted:#5b6478;--line:#d5dae3;--card:#fff;--bg:#f4f6f9;--in:#0b6bcb;--out:#e07a10;--accent:#e4002b}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#131a2a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#c9cfdb}
main{padding:8px 28px 40px}section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:18px 0}
h2{margin:0 0 10px;font-size:17px}.note{color:var(--muted);font-size:12.5px}
#filter{padding:6px 10px;border:1px solid var(--line);border-radius:6px;width:280px;margin-bottom:10px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{cursor:pointer;user-select:none;background:#eef1f6;font-weight:600;white-space:nowrap}th.asc::after{content:' ▲'}th.desc::after{content:' ▼'}
td.num,th.num{text-align:right;white-space:nowrap}td.unknown{color:var(--muted);font-style:italic}tfoot td{font-weight:700;border-top:2px solid var(--ink)}
code{font-size:12px;color:var(--muted)}
#topology-svg .metro rect{fill:#f7f9fc;stroke:var(--line)}#topology-svg .metro-name{font-weight:700;font-size:13px;fill:var(--muted)}
#topology-svg .node rect{fill:#fff;stroke:#4a5a78;stroke-width:1.4}#topology-svg .node.ix rect{fill:#f2f7ff;stroke:#7d93bd}
#topology-svg .name{font-size:12.5px;font-weight:600}#topology-svg .sub{font-size:11px;fill:var(--muted)}
#topology-svg .end rect{fill:#fff7ec;stroke:#d08a2e}#topology-svg .end.cloud rect{fill:#eef6ff;stroke:#3d7fd1}#topology-svg .end.internet rect{fill:#eefaf0;stroke:#3e9b55}
#topology-svg .edge path{fill:none;stroke:#7a8599;stroke-width:1.6;marker-end:url(#arrow)}#topology-svg .edge text{font-size:10.5px;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:3px}
#topology-svg .edge:hover path{stroke:var(--accent);stroke-width:2.4}#topology-svg .link{fill:none;stroke:#7d93bd}#topology-svg marker path{fill:#7a8599}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:14px}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px}figcaption{font-weight:600;margin-bottom:4px}figcaption span{font-weight:400;color:var(--muted)}
.chart .grid{stroke:#e6e9ef}.chart .tick{stroke:#f0f2f6}.chart .axis{font-size:10px;fill:var(--muted)}
.chart .series{fill:none;stroke-width:1.3}.chart .series.in{stroke:var(--in)}.chart .series.out{stroke:var(--out)}
.chart .p95{stroke-dasharray:5 4;stroke-width:1.2}.chart .p95.in{stroke:var(--in)}.chart .p95.out{stroke:var(--out)}
.chart .p95-label{font-size:10px}.chart .p95-label.in{fill:var(--in)}.chart .p95-label.out{fill:var(--out)}.chart .empty{fill:var(--muted);font-size:12px}
.legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:5px}
";

        // Sorting by a column (numbers by their data-value) and filtering rows by any text in them; nothing else.
        const string Script = @"
(function(){
  var table=document.getElementById('inventory-table'),body=table.tBodies[0],filter=document.getElementById('filter');
  function key(row,i,numeric){var c=row.cells[i];var v=c.getAttribute('data-value');return numeric?(v===null||v===''?-Infinity:parseFloat(v)):(c.textContent||'').toLowerCase();}
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){
      var numeric=th.classList.contains('num'),asc=!th.classList.contains('asc');
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.classList.remove('asc','desc');});
      th.classList.add(asc?'asc':'desc');
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){var x=key(a,i,numeric),y=key(b,i,numeric);return (x<y?-1:x>y?1:0)*(asc?1:-1);});
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
  filter.addEventListener('input',function(){
    var words=filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(body.rows,function(r){var t=(r.textContent||'').toLowerCase();r.hidden=!words.every(function(w){return t.indexOf(w)>=0;});});
  });
  document.documentElement.setAttribute('data-script','ready');
})();";

        public static string Render(ReportData data, string topologySvg)
        {
            var from = data.GeneratedUtc.AddDays(-data.Days);
            var sb = new StringBuilder(64 * 1024);
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Append($"<title>Megaport report {T(data.GeneratedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</title>")
                .Append("<style>").Append(Css).Append("</style></head><body>")
                .Append("<header><h1>Megaport account report").Append(data.AccountName != null ? " — " + T(data.AccountName) : "").Append("</h1>")
                .Append($"<p>Generated {T(data.GeneratedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC · {data.Rows.Count} services · traffic over the last {data.Days} day{(data.Days == 1 ? "" : "s")}</p></header><main>");

            // Inventory
            sb.Append("<section id=\"inventory\"><h2>Inventory</h2>")
                .Append("<input id=\"filter\" type=\"search\" placeholder=\"Filter the services\" aria-label=\"Filter the services\">")
                .Append("<table id=\"inventory-table\"><thead><tr><th>Name</th><th>Kind</th><th>Metro</th><th>Location</th><th class=\"num\">Speed</th>")
                .Append("<th>Status</th><th class=\"num\">Term</th><th class=\"num\">95th in</th><th class=\"num\">95th out</th><th class=\"num\">Monthly</th><th>UID</th></tr></thead><tbody>");
            foreach (var r in data.Rows)
            {
                var s = r.Service;
                sb.Append($"<tr class=\"service\" data-uid=\"{A(s.ProductUid)}\" data-kind=\"{A(r.Kind)}\" data-measured=\"{(r.Measured ? "yes" : "no")}\">")
                    .Append($"<td>{T(s.Name)}</td><td>{T(r.Kind)}</td><td>{T(r.Metro)}</td><td>{T(r.Location)}</td>")
                    .Append($"<td class=\"num\" data-value=\"{r.Speed}\">{T(TopologyBuilder.Speed(r.Speed))}</td>")
                    .Append($"<td>{T(s.ProvisioningStatus)}</td><td class=\"num\" data-value=\"{s.Term}\">{(s.Term > 0 ? s.Term + " mo" : "")}</td>")
                    .Append(P95(r.In)).Append(P95(r.Out));
                if (r.Price != null)
                    sb.Append($"<td class=\"num cost\" data-value=\"{r.Price.MonthlyRate.ToString(CultureInfo.InvariantCulture)}\" data-currency=\"{A(r.Price.Currency)}\">{T(ReportData.Money(r.Price.Currency, r.Price.MonthlyRate))}</td>");
                else
                    sb.Append($"<td class=\"num cost unknown\" data-value=\"\" title=\"{A(r.PriceUnknown)}\">unknown</td>");
                sb.Append($"<td><code title=\"{A(s.ProductUid)}\">{T(s.ProductUid.Substring(0, Math.Min(8, s.ProductUid.Length)))}…</code></td></tr>");
            }
            var totals = data.Totals;
            sb.Append("</tbody><tfoot><tr><td colspan=\"9\">Total per month (services with a known price)</td>")
                .Append($"<td class=\"num\" id=\"total-cost\" data-totals=\"{A(string.Join(";", totals.Select(t => t.Currency + "=" + t.Amount.ToString(CultureInfo.InvariantCulture))))}\">")
                .Append(totals.Count == 0 ? "unknown" : string.Join("<br>", totals.Select(t => T(ReportData.Money(t.Currency, t.Amount)))))
                .Append("</td><td></td></tr></tfoot></table>");
            var unknown = data.Rows.Where(r => r.Price == null).ToList();
            sb.Append("<p class=\"note\">Monthly prices are what the Megaport API's validate call quotes today for a new order like each service ")
                .Append("(same location, speed and term; nothing is ordered), in the currency of its market; discounts agreed since, usage and ")
                .Append("one-off charges are not included. Totals are per currency.");
            if (unknown.Count > 0)
                sb.Append(" Price unknown for: ").Append(string.Join("; ", unknown.Select(r => $"{T(r.Service.Name)} ({T(r.PriceUnknown)})"))).Append('.');
            sb.Append("</p></section>");

            // Topology
            sb.Append("<section id=\"topology\"><h2>Topology</h2>").Append(topologySvg)
                .Append("<p class=\"note\">Metros on the left with the account's services (an IX under its port); clouds, the Internet and partners' ports on the right. Each VXC is an arrow from its A-End, labelled with its name and rate limit.</p></section>");

            // Utilisation
            sb.Append("<section id=\"utilisation\"><h2>Utilisation</h2>")
                .Append("<p class=\"legend\"><span><i style=\"background:var(--in)\"></i>in</span><span><i style=\"background:var(--out)\"></i>out</span><span>dashed: 95th percentile</span></p><div class=\"charts\">");
            // The charts are most of the page: drawn side by side on every core, placed in row order.
            var measured = data.Rows.Where(r => r.Measured).ToArray();
            var charts = new string[measured.Length];
            Parallel.For(0, measured.Length, i => charts[i] = SvgChart.Render(measured[i], from, data.GeneratedUtc));
            for (var i = 0; i < measured.Length; i++)
            {
                var r = measured[i];
                sb.Append($"<figure data-uid=\"{A(r.Service.ProductUid)}\"><figcaption>{T(r.Service.Name)} <span>{T(r.Kind)} · {T(TopologyBuilder.Speed(r.Speed))}</span></figcaption>")
                    .Append(charts[i]).Append("</figure>");
            }
            sb.Append("</div>");
            var notMeasured = data.Rows.Where(r => !r.Measured).ToList();
            if (notMeasured.Count > 0)
                sb.Append("<p class=\"note\">No traffic for: ").Append(string.Join(", ", notMeasured.Select(r => T(r.Service.Name)))).Append(" (the API keeps none for it, or it is not in service yet).</p>");
            sb.Append("</section></main><script>").Append(Script).Append("</script></body></html>\n");
            return sb.ToString();
        }

        static string P95(TelemetrySeries? s) =>
            s?.Percentile95 is double v
                ? $"<td class=\"num\" data-value=\"{N(v)}\">{T(v.ToString(v >= 100 ? "#,##0" : "0.#", CultureInfo.InvariantCulture))} {T(s.Unit)}</td>"
                : "<td class=\"num\" data-value=\"\"></td>";
    }
}
