using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Megaport.Api;
using Megaport.Reports;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>The report's traffic chart: no more points than the plot can show, and every peak kept.</summary>
    public class ReportTests
    {
        static readonly Service Port = Products.Products.Port.Placeholder("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12", new[] { "x" });

        static ReportRow RowWith(int samples, DateTime from, TimeSpan step, int spikeAt)
        {
            var body = new StringBuilder(@"{""type"":""BITS"",""data"":[{""type"":""BITS"",""subtype"":""IN"",""unit"":{""name"":""Mbps""},""samples"":[");
            for (var i = 0; i < samples; i++)
            {
                var ms = new DateTimeOffset(from + TimeSpan.FromTicks(step.Ticks * i)).ToUnixTimeMilliseconds();
                // A gentle wave, one spike and one trough: a drawn chart must keep both.
                var value = i == spikeAt ? 1000.0 : i == spikeAt + 7 ? 0.0 : 100 + 10 * Math.Sin(i / 50.0);
                body.Append(i == 0 ? "" : ",").Append('[').Append(ms).Append(',').Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            body.Append("]}]}");
            var series = MegaportApi.ReadTelemetry(JObject.Parse(body.ToString()), Port);
            return new ReportRow(Port) { In = series.Single(), Measured = true };
        }

        static string[] Points(string svg) =>
            Regex.Matches(svg, @"<polyline class=""series in"" points=""([^""]*)""").Cast<Match>().SelectMany(m => m.Groups[1].Value.Split(' ')).ToArray();

        [Fact]
        public void A_week_of_minutes_is_drawn_with_no_more_points_than_the_plot_shows_and_keeps_its_peak_and_trough()
        {
            var from = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            var row = RowWith(7 * 24 * 60, from, TimeSpan.FromMinutes(1), spikeAt: 5000);
            var svg = SvgChart.Render(row, from, from.AddDays(7));
            var points = Points(svg);
            Assert.Contains("data-points=\"10080\"", svg);   // the data the chart stands for, not what is drawn
            Assert.InRange(points.Length, 100, 2 * 235);   // two per 2-pixel column of a 458-pixel plot, at most
            var ys = points.Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(12, ys.Min());          // the spike reaches the top of the scale (1000 Mbps)
            Assert.Equal(144, ys.Max());         // the trough reaches zero
            var xs = points.Select(p => double.Parse(p.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(xs.OrderBy(x => x), xs);   // still in time order
        }

        [Fact]
        public void Fewer_samples_than_columns_are_drawn_as_they_are()
        {
            var from = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            var row = RowWith(168, from, TimeSpan.FromHours(1), spikeAt: 20);
            Assert.Equal(168, Points(SvgChart.Render(row, from, from.AddDays(7))).Length);
        }
    }
}
