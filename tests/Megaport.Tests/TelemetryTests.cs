using System;
using System.Linq;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Products;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>Reading the API's non-enveloped telemetry answer, and the local range rules.</summary>
    public class TelemetryTests
    {
        static readonly Service Port = Products.Products.Port.Placeholder("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12", new[] { "x" });

        [Fact]
        public void Names_in_any_case_come_out_upper_case_and_one_series_per_type_and_subtype()
        {
            // The SDK's test answer, with the casing variations the API is seen to send.
            var body = JObject.Parse(@"{""serviceUid"":""u"",""type"":""BITS"",""timeFrame"":{""from"":1608516536000,""to"":1608603936000},
                ""data"":[
                  {""type"":""bits"",""subtype"":""In"",""samples"":[[1608516536000,125.5],[1608517536000,null]],""unit"":{""name"":""Mbps"",""fullName"":""Megabits per second""}},
                  {""type"":""BITS"",""subtype"":""in"",""samples"":[[1608518536000,""130.25""]],""unit"":{""name"":""Mbps""}},
                  {""type"":""Bits"",""subtype"":""OUT"",""samples"":[[1608516536000,1],[""x"",2],[3]],""unit"":{""name"":""Mbps""}}]}");
            var series = MegaportApi.ReadTelemetry(body, Port);
            Assert.Equal(new[] { "BITS/IN", "BITS/OUT" }, series.Select(s => s.Type + "/" + s.Subtype));
            var inbound = series[0];
            Assert.Equal(3, inbound.Samples.Length);
            Assert.Null(inbound.Samples[1].Value);
            Assert.Equal(1, inbound.Gaps);
            Assert.Equal(130.25, inbound.Samples[2].Value);
            Assert.Equal(DateTimeKind.Utc, inbound.Samples[0].Timestamp.Kind);
            Assert.Equal(125.5, inbound.Minimum);
            Assert.Equal(130.25, inbound.Maximum);
            Assert.Equal(130.25, inbound.Percentile95);
            Assert.Equal("Megabits per second", inbound.UnitName);
            Assert.Equal(new DateTime(2020, 12, 21, 2, 8, 56, DateTimeKind.Utc), inbound.From);
            Assert.Single(series[1].Samples);   // samples that are no [ms, value] pair are left out
        }

        [Theory]
        [InlineData(0)]
        [InlineData(181)]
        [InlineData(-5)]
        public void Days_outside_1_to_180_are_refused(int days) =>
            Assert.Equal(ErrorIds.InvalidArgument, Assert.Throws<MegaportException>(() => TelemetryRange.LastDays(days)).ErrorId);

        [Fact]
        public void A_range_must_run_forwards_and_span_at_most_180_days()
        {
            var t = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            Assert.Throws<MegaportException>(() => TelemetryRange.Between(t, t));
            Assert.Throws<MegaportException>(() => TelemetryRange.Between(t, t.AddDays(-1)));
            Assert.Throws<MegaportException>(() => TelemetryRange.Between(t, t.AddDays(180).AddSeconds(1)));
            Assert.Equal("from=1780272000000&to=1795824000000", TelemetryRange.Between(t, t.AddDays(180)).Query);
            Assert.Equal("days=180", TelemetryRange.LastDays(180).Query);
        }

        [Fact]
        public void Every_product_says_what_it_measures_and_its_defaults_are_among_its_types()
        {
            foreach (var p in Products.Products.All.Where(p => p.Telemetry != null))
            {
                Assert.NotEmpty(p.Telemetry!.Defaults);
                Assert.All(p.Telemetry.Defaults.Append(p.Telemetry.Traffic), t => Assert.Contains(t, p.Telemetry.Types));
                Assert.EndsWith("/telemetry", p.Telemetry.Path("u"));
            }
            Assert.Null(Products.Products.Other.Telemetry);
            Assert.StartsWith("/v3/products/nat_gateways/", Products.Products.NatGateway.Telemetry!.Path("u"));
        }
    }
}
