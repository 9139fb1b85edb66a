using System;
using Megaport.Api;
using Megaport.Products;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>Input the API really sends: dates in three forms, and values the module has never seen.</summary>
    public class ReadingTests
    {
        static readonly DateTime Expected = new(2023, 3, 14, 0, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData("1678752000000")]                 // epoch ms, a number
        [InlineData("\"1678752000000\"")]             // epoch ms, as text
        [InlineData("\"2023-03-14T00:00:00Z\"")]      // ISO-8601 UTC (the NAT gateway API)
        [InlineData("\"2023-03-14T00:00:00.000Z\"")]
        [InlineData("\"2023-03-14T10:00:00+10:00\"")] // ISO-8601 with an offset
        [InlineData("\"2023-03-14T00:00:00\"")]       // ISO without a zone: UTC
        public void DatesInEveryFormTheApiSends(string json)
        {
            // As the client reads JSON (dates stay text), and as a date-parsing reader hands it over.
            foreach (var o in new[] { (JObject)Json.Parse("{\"createDate\":" + json + "}"), JObject.Parse("{\"createDate\":" + json + "}") })
            {
                var date = o.Date("createDate");
                Assert.Equal(Expected, date);
                Assert.Equal(DateTimeKind.Utc, date!.Value.Kind);
            }
        }

        [Theory]
        [InlineData("null")]
        [InlineData("0")]
        [InlineData("\"\"")]
        [InlineData("\"soon\"")]
        [InlineData("{}")]
        [InlineData("[]")]
        [InlineData("true")]
        public void NoDateOrAnUnreadableOneIsNullNotAFailure(string json) =>
            Assert.Null(((JObject)Json.Parse("{\"createDate\":" + json + "}")).Date("createDate"));

        [Fact]
        public void IsoDatesOnAServiceReadAsUtc()
        {
            var s = ServiceReader.Read((JObject)Json.Parse(@"{""productUid"":""n1"",""productType"":""NAT_GATEWAY"",""provisioningStatus"":""DESIGN"",
                ""createDate"":""2023-03-14T00:00:00Z"",""contractEndDate"":null,""liveDate"":1678752000000}"));
            Assert.Equal(Expected, s.CreateDate);
            Assert.Equal(Expected, s.LiveDate);
            Assert.Null(s.ContractEndDate);
        }

        [Fact]
        public void AnUnknownProductTypeIsReadOnPurposeAsAPlainService()
        {
            var s = ServiceReader.Read(JObject.Parse(@"{""productUid"":""n1"",""productName"":""edge box"",""productType"":""QUANTUM_ROUTER"",""provisioningStatus"":""DESIGN""}"));
            Assert.Equal(typeof(Service), s.GetType());
            Assert.Equal("QUANTUM_ROUTER", s.ProductType);
            Assert.Equal("DESIGN", s.ProvisioningStatus);
            Assert.Same(Products.Products.Other, Products.Products.Of(s));
        }

        [Fact]
        public void UnknownConnectTypesAndStatusesAreKept()
        {
            var vxc = (Vxc)ServiceReader.Read(JObject.Parse(@"{""productUid"":""v"",""productType"":""VXC"",""provisioningStatus"":""decommissioning"",
                ""resources"":{""csp_connection"":[{""connectType"":""vrouter""},{""connectType"":""quantum_cloud""}]}}"));
            Assert.Equal("QUANTUM_CLOUD", vxc.ConnectType);
            Assert.Equal("DECOMMISSIONING", vxc.ProvisioningStatus);
            Assert.False(vxc.IsInactive);
            Assert.Equal("QUANTUM_CLOUD VXC", Products.Products.Vxc.DisplayKind(vxc));

            var partner = Readers.PartnerPort(JObject.Parse(@"{""productUid"":""p"",""title"":""New cloud"",""connectType"":""quantum_cloud"",""vxcPermitted"":true}"));
            Assert.Equal("QUANTUM_CLOUD", partner.ConnectType);
        }

        [Fact]
        public void AnUnknownStatusKeepsTheWaiterWaiting()
        {
            foreach (var status in new[] { "DESIGN", "NEW", "DEPLOYABLE", "DECOMMISSIONING", "SOMETHING_NEW" })
            {
                var s = ServiceReader.Read(JObject.Parse($@"{{""productUid"":""x"",""productType"":""MEGAPORT"",""provisioningStatus"":""{status}""}}"));
                Assert.Null(Ordering.ServiceWaiter.Classify(s, liveOnly: false));
            }
        }
    }
}
