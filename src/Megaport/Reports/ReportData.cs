using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Megaport.Reports
{
    /// <summary>Everything Export-MegaportReport puts in the page, read before the page is written.</summary>
    internal sealed class ReportData
    {
        public DateTime GeneratedUtc { get; set; }
        public int Days { get; set; }
        public string? AccountName { get; set; }
        public List<ReportRow> Rows { get; } = new();
        public Topology Topology { get; set; } = new();

        /// <summary>Monthly totals per currency, of the rows whose price is known.</summary>
        public IReadOnlyList<(string Currency, decimal Amount)> Totals =>
            Rows.Where(r => r.Price != null).GroupBy(r => r.Price!.Currency ?? "")
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(r => r.Price!.MonthlyRate))).ToList();

        public static string Money(string? currency, decimal amount) =>
            (string.IsNullOrEmpty(currency) ? "" : currency + " ") + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>One service of the report: its inventory row, monthly price (or why it is unknown) and traffic.</summary>
    internal sealed class ReportRow
    {
        public ReportRow(Service service) => Service = service;

        public Service Service { get; }
        public string Kind { get; set; } = "";
        public string Metro { get; set; } = "";
        public string? Location { get; set; }
        /// <summary>Its location in the catalogue, when it has one (what its price line is made from).</summary>
        public Location? Place { get; set; }
        /// <summary>Mbps: port/MCR/NAT speed, VXC/IX rate limit.</summary>
        public int Speed { get; set; }
        public Quote? Price { get; set; }
        public string? PriceUnknown { get; set; }
        /// <summary>The kind is measured (the report reads its traffic).</summary>
        public bool Measured { get; set; }
        public TelemetrySeries? In { get; set; }
        public TelemetrySeries? Out { get; set; }
        public string? TelemetryError { get; set; }
    }
}
