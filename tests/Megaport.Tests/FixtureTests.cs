using System;
using System.IO;
using System.Linq;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>Every real response body in Fixtures/ (its README says where each comes from) parses into the module's objects with the right values.</summary>
    public class FixtureTests
    {
        static JObject Load(string name) => (JObject)Json.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));
        static JObject[] DataItems(string name) => ((JArray)Load(name)["data"]!).Cast<JObject>().ToArray();

        [Fact]
        public void V3Locations()
        {
            var locations = DataItems("v3-locations-list.json").Select(Readers.Location).ToArray();
            Assert.Equal(2, locations.Length);
            var sy1 = locations[0];
            Assert.Equal(2, sy1.Id);
            Assert.Equal("Equinix SY1", sy1.Name);
            Assert.Equal("Sydney", sy1.Metro);
            Assert.Equal("Australia", sy1.Country);
            Assert.Equal("AU", sy1.Market);
            Assert.Equal("Equinix", sy1.DataCentre);
            Assert.True(sy1.IsActive);
            Assert.Equal(new[] { 1000, 10000, 100000 }, sy1.PortSpeeds);
            Assert.Equal(new[] { 1000, 2500, 5000, 10000, 25000, 50000, 100000 }, sy1.McrSpeeds);
            Assert.Equal(new[] { 1000, 2500, 5000, 10000 }, sy1.GetMcrSpeeds("red"));
            Assert.Equal(new[] { "red", "blue" }, sy1.DiversityZones);
            Assert.True(sy1.McrAvailable);
            Assert.True(sy1.MveAvailable);
            Assert.Equal(-33.921867, sy1.Latitude!.Value, 6);
            Assert.Contains("639 Gardeners Road", sy1.Address);
            var gs = locations[1];
            Assert.Equal("Global Switch Sydney West", gs.Name);
            Assert.True(gs.MveAvailable); // only the blue zone has it
        }

        [Fact]
        public void V2LegacyLocationsStillGiveNameAndCountry()
        {
            var l = Readers.Location(DataItems("v2-locations-list-legacy.json")[0]);
            Assert.Equal(111, l.Id);
            Assert.Equal("Test Data Center", l.Name);
            Assert.Equal("USA", l.Country);
            Assert.Equal("Denver", l.Metro);
            Assert.Empty(l.PortSpeeds); // v2 speeds are Gbps under products: not used
        }

        [Fact]
        public void PartnerPorts()
        {
            var ports = DataItems("v2-dropdowns-partner-megaports-list.json").Select(Readers.PartnerPort).ToArray();
            Assert.Equal(new[] { "AWS", "AZURE", "DEFAULT", "AWSHC" }, ports.Select(p => p.ConnectType));
            Assert.Equal("Test Partner AWS", ports[0].Name);
            Assert.Equal("36b3f68e-2f54-4331-bf94-f8984449365f", ports[0].ProductUid);
            Assert.Equal("red", ports[0].DiversityZone);
            Assert.Null(ports[1].DiversityZone);
            Assert.True(ports[1].VxcPermitted);
            Assert.Equal(10000, ports[3].Speed);
            Assert.Equal(3, ports[3].LocationId);
        }

        [Fact]
        public void ProductListPortsWithLowerCaseTypeAndVxcpermittedKey()
        {
            var services = DataItems("v2-products-list-ports.json").Select(ServiceReader.Read).ToArray();
            Assert.Equal(3, services.Length);
            var port = Assert.IsType<Port>(services[0]);
            Assert.Equal("MEGAPORT", port.ProductType);
            Assert.Equal("test-port", port.Name);
            Assert.Equal(999999, port.ProductId);
            Assert.Equal(10000, port.Speed);
            Assert.Equal("CONFIGURED", port.ProvisioningStatus);
            Assert.True(port.VxcPermitted);
            Assert.Equal(12, port.Term);
            Assert.Equal(226, port.LocationId);
            Assert.Equal(new DateTime(2024, 1, 24, 14, 0, 0, DateTimeKind.Utc), port.CreateDate);
            Assert.Equal(DateTimeKind.Utc, port.CreateDate!.Value.Kind);
            Assert.True(port.IsReady);
        }

        [Fact]
        public void ProductGetPortLagMember()
        {
            var port = Assert.IsType<Port>(ServiceReader.Read((JObject)Load("v2-product-get-port.json")["data"]!));
            Assert.Equal(12345, port.AggregationId);
            Assert.True(port.IsLagMember);
            Assert.Equal("Test Location", port.LocationName);
            Assert.Equal("test-secondary-name", port.SecondaryName);
            Assert.Empty(port.VxcUids);
        }

        [Fact]
        public void ProductGetVxcAwsHostedConnection()
        {
            var vxc = Assert.IsType<Vxc>(ServiceReader.Read((JObject)Load("v2-product-get-vxc-awshc.json")["data"]!));
            Assert.Equal("VXC", vxc.ProductType);
            Assert.Equal("AWSHC", vxc.ConnectType); // csp_connection given as an array
            Assert.Equal(50, vxc.RateLimit);
            Assert.Equal("LIVE", vxc.ProvisioningStatus);
            Assert.Equal(1, vxc.Term);
            Assert.Equal("ZONE", vxc.DistanceBand);
            Assert.Null(vxc.ApprovalStatus);
            Assert.False(vxc.IsPendingApproval);
            Assert.Equal("9b1c46c7-1e8d-4035-bf38-1bc60d346d57", vxc.AEnd.ProductUid);
            Assert.Equal("91ededc2-473f-4a30-ad24-0703c7f35e50", vxc.BEnd.ProductUid);
            Assert.Equal("Test Location", vxc.AEnd.Location);
            Assert.Equal(0, vxc.AEnd.Vlan);
            Assert.Null(vxc.AEnd.InnerVlan);
            Assert.Equal(1, vxc.AEnd.LocationId);
            // The hosted connection's own id, for Confirm-DCConnection on the AWS side.
            Assert.NotNull(vxc.Cloud);
            Assert.Equal("AWSHC", vxc.Cloud!.ConnectType);
            Assert.Equal("test-connection-id", vxc.Cloud.AwsConnectionId);
            Assert.Equal("test-owner-account-id", vxc.Cloud.AwsAccountId);
            Assert.Equal(50, vxc.Cloud.Bandwidth);
            Assert.Null(vxc.Cloud.AwsVirtualInterfaceId);
            Assert.Null(vxc.Cloud.AzureServiceKey);
        }

        [Fact]
        public void BuyResponses()
        {
            Assert.Equal(new[] { "36b3f68e-2f54-4331-bf94-f8984449365f" }, Readers.CreatedUids(Load("v4-networkdesign-buy-port-response.json")["data"]));
            Assert.Equal(new[] { "36b3f68e-2f54-4331-bf94-f8984449365f" }, Readers.CreatedUids(Load("v4-networkdesign-buy-vxc-response.json")["data"]));
        }

        [Fact]
        public void ValidateResponsePrice()
        {
            var body = Load("v3-networkdesign-validate-natgateway-response.json");
            Assert.Equal("Validation passed", body.Str("message"));
            var quote = Readers.Quote((JObject)body["data"]![0]!);
            Assert.Equal(600m, quote.MonthlyRate);
            Assert.Equal("AUD", quote.Currency);
            Assert.Equal("Sydney", quote.Metro);
            Assert.Equal("NAT_GATEWAY", quote.ProductType);
            Assert.Equal(0.6m, quote.MbpsRate);
            Assert.Equal("600.00 AUD/month", quote.ToString());
        }

        [Fact]
        public void CancelNowResponseHasNoData()
        {
            var body = Load("v3-product-action-cancel-now-response.json");
            Assert.StartsWith("Action [CANCEL_NOW Service 36b3f68e", body.Str("message"));
            Assert.Null(body.Get("data"));
        }

        [Fact]
        public void ErrorEnvelopesMapToErrorIds()
        {
            var market = StubResponses.Error(400, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "error-400-v2-market.json")), "POST", "/v2/market");
            Assert.Equal(ErrorIds.ValidationFailed, market.ErrorId);
            Assert.Equal("Invalid request", market.ApiMessage);
            Assert.Equal("Missing required fields", market.ApiData); // detail under "error", not "data"
            Assert.Contains("POST /v2/market -> 400 Invalid request: Missing required fields", market.Message);

            var ixp = StubResponses.Error(500, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "error-500-v2-ixp.json")), "GET", "/v2/ixp");
            Assert.Equal(ErrorIds.ApiError, ixp.ErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, ixp.Category);
            Assert.Equal("internal server error", ixp.ApiMessage);
            Assert.Null(ixp.ApiData);
            Assert.False(ixp.Transient); // 500 is not retried
        }

        [Fact]
        public void QuirksOfLiveData()
        {
            var vxc = (Vxc)ServiceReader.Read(JObject.Parse(@"{""productUid"":""u1"",""productName"":""x"",""productType"":""vxc"",""provisioningStatus"":""decommissioned"",
                ""resources"":{""csp_connection"":{""connectType"":""AWS"",""vif_id"":""dxvif-1""},""vll"":[]},
                ""vxcApproval"":{""status"":""PENDING_EXTERNAL""},""diversityZone"":"""",""brandNewField"":{""a"":1}}"));
            Assert.Equal("AWS", vxc.ConnectType); // csp_connection given as an object
            Assert.Equal("DECOMMISSIONED", vxc.ProvisioningStatus);
            Assert.True(vxc.IsInactive);
            Assert.True(vxc.IsPendingApproval);

            var mcr = Assert.IsType<Mcr>(ServiceReader.Read(JObject.Parse(@"{""productUid"":""m"",""productType"":""MCR2"",""portSpeed"":1000,""diversityZone"":"""",
                ""resources"":{""virtual_router"":{""mcrAsn"":133937}}}")));
            Assert.Equal(133937, mcr.Asn);
            Assert.Null(mcr.DiversityZone);

            var other = ServiceReader.Read(JObject.Parse(@"{""productUid"":""d"",""productName"":""legacy"",""productType"":""MEGADIRECT"",""createDate"":null}"));
            Assert.Equal(typeof(Service), other.GetType());
            Assert.Equal("MEGADIRECT", other.ProductType);
            Assert.Null(other.CreateDate);
        }
    }
}
