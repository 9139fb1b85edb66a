using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Megaport.Client
{
    /// <summary>Turns API JSON into the module's public output objects (the only place that knows the field names).</summary>
    internal static class ModelReader
    {
        static readonly string[] Zones = { "red", "blue" };

        public static Location Location(JObject o)
        {
            var address = o.Obj("address");
            var zonesObj = o.Obj("diversityZones");
            var portByZone = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
            var mcrByZone = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
            bool mcr = false, mve = false;
            foreach (var zone in Zones)
            {
                if (zonesObj.Obj(zone) is not JObject z) continue;
                portByZone[zone] = z.Ints("megaportSpeedMbps");
                mcrByZone[zone] = z.Ints("mcrSpeedMbps");
                mcr |= mcrByZone[zone].Length > 0;
                mve |= z.Bool("mveAvailable");
            }
            var addressText = address == null ? null : string.Join(", ",
                new[] { address.Str("street"), address.Str("suburb"), address.Str("city"), address.Str("state"), address.Str("postcode"), address.Str("country") }
                    .Where(s => !string.IsNullOrWhiteSpace(s)));
            return new Location
            {
                Id = o.Int("id") ?? 0,
                Name = o.Str("name") ?? "",
                Metro = o.Str("metro"),
                Country = address.Str("country") ?? o.Str("country"),
                Market = o.Str("market"),
                Status = o.Str("status"),
                Latitude = o.Double("latitude"),
                Longitude = o.Double("longitude"),
                DataCentre = o.Obj("dataCentre").Str("name"),
                Address = string.IsNullOrEmpty(addressText) ? null : addressText,
                PortSpeeds = Union(portByZone.Values),
                McrSpeeds = Union(mcrByZone.Values),
                DiversityZones = portByZone.Keys.Concat(mcrByZone.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(z => Array.IndexOf(Zones, z)).ToArray(),
                PortSpeedsByZone = portByZone,
                McrSpeedsByZone = mcrByZone,
                McrAvailable = mcr,
                MveAvailable = mve,
                OrderingMessage = o.Str("orderingMessage"),
            };
        }

        static int[] Union(IEnumerable<int[]> speeds) => speeds.SelectMany(s => s).Distinct().OrderBy(s => s).ToArray();

        public static PartnerPort PartnerPort(JObject o) => new()
        {
            ProductUid = o.Str("productUid") ?? "",
            Name = o.Str("title") ?? o.Str("productName") ?? "",
            CompanyName = o.Str("companyName"),
            CompanyUid = o.Str("companyUid"),
            ConnectType = o.Str("connectType")?.ToUpperInvariant(),
            LocationId = o.Int("locationId") ?? 0,
            Speed = o.Int("speed") ?? 0,
            MaxVxcSpeed = o.Int("maxVxcSpeed") ?? o.Int("speed") ?? 0,
            DiversityZone = Zone(o.Str("diversityZone")),
            VxcPermitted = o.Bool("vxcPermitted"),
            Rank = o.Int("rank") ?? 0,
        };

        static string? Zone(string? zone) => string.IsNullOrWhiteSpace(zone) ? null : zone!.ToLowerInvariant();

        /// <summary>A product of any type; unknown types become a plain <see cref="Megaport.Service"/>.</summary>
        public static Service Service(JObject o)
        {
            var type = (o.Str("productType") ?? "").ToUpperInvariant();
            Service s = type switch
            {
                "MEGAPORT" => Port(o),
                "VXC" => Vxc(o),
                "IX" => Ix(o),
                "MCR2" or "MCR" => Mcr(o),
                "MVE" => Mve(o),
                _ => new Service(),
            };
            FillCommon(s, o, type);
            return s;
        }

        static void FillCommon(Service s, JObject o, string type)
        {
            s.ProductUid = o.Str("productUid") ?? o.Str("technicalServiceUid") ?? "";
            s.ProductId = o.Int("productId") ?? 0;
            s.Name = o.Str("productName") ?? o.Str("name") ?? "";
            s.ProductType = type;
            s.ProvisioningStatus = o.Str("provisioningStatus")?.ToUpperInvariant();
            s.LocationId ??= o.Int("locationId");
            s.LocationName ??= o.Obj("locationDetail").Str("name");
            s.Term = o.Int("contractTermMonths") ?? o.Int("term") ?? 0;
            s.CreateDate = o.EpochMs("createDate");
            s.LiveDate = o.EpochMs("liveDate");
            s.ContractEndDate = o.EpochMs("contractEndDate");
            s.CompanyName = o.Str("companyName");
            s.CompanyUid = o.Str("companyUid");
            s.CostCentre = o.Str("costCentre");
            s.SecondaryName = o.Str("secondaryName");
            s.Locked = o.Bool("locked");
            s.AdminLocked = o.Bool("adminLocked");
            s.Cancelable = o.Bool("cancelable");
        }

        static string[] Uids(JObject o, string name) =>
            o.Objects(name).Select(x => x.Str("productUid")).Where(u => u != null).Select(u => u!).ToArray();

        static Port Port(JObject o) => new()
        {
            Speed = o.Int("portSpeed") ?? 0,
            Market = o.Str("market"),
            DiversityZone = Zone(o.Str("diversityZone") ?? o.Obj("config").Str("diversityZone")),
            MarketplaceVisibility = o.Bool("marketplaceVisibility"),
            VxcPermitted = o.Bool("vxcpermitted"),
            VxcAutoApproval = o.Bool("vxcAutoApproval"),
            LagId = o.Int("lagId") ?? 0,
            AggregationId = o.Int("aggregationId") ?? 0,
            LagPrimary = o.Bool("lagPrimary"),
            Virtual = o.Bool("virtual"),
            VxcUids = Uids(o, "associatedVxcs"),
            IxUids = Uids(o, "associatedIxs"),
        };

        static Vxc Vxc(JObject o)
        {
            var resources = o.Obj("resources");
            // csp_connection is an object or an array; the cloud end is the first that is not the MCR's own vRouter.
            var csp = resources.Objects("csp_connection").ToList();
            var cloud = csp.FirstOrDefault(c => !string.Equals(c.Str("connectType"), "VROUTER", StringComparison.OrdinalIgnoreCase)) ?? csp.FirstOrDefault();
            var approval = o.Obj("vxcApproval");
            var vll = resources.Obj("vll"); // may be [] on a decommissioned VXC
            return new Vxc
            {
                RateLimit = o.Int("rateLimit") ?? vll.Int("rate_limit_mbps") ?? 0,
                AEnd = End(o.Obj("aEnd")),
                BEnd = End(o.Obj("bEnd")),
                ConnectType = (cloud.Str("connectType") ?? o.Str("connectType"))?.ToUpperInvariant(),
                ApprovalStatus = approval.Str("status")?.ToUpperInvariant(),
                ApprovalMessage = approval.Str("message"),
                Shutdown = o.Bool("shutdown"),
                DistanceBand = o.Str("distanceBand"),
                ServiceId = o.Int("nServiceId"),
                LocationId = o.Obj("aEnd").Int("locationId"),
                LocationName = o.Obj("aEnd").Str("location"),
            };
        }

        static VxcEnd End(JObject? e) => new()
        {
            ProductUid = e.Str("productUid"),
            ProductName = e.Str("productName"),
            OwnerUid = e.Str("ownerUid"),
            LocationId = e.Int("locationId"),
            Location = e.Str("location") ?? e.Obj("locationDetail").Str("name"),
            Vlan = e.Int("vlan"),
            InnerVlan = e.Int("innerVlan"),
            VNicIndex = e.Int("vNicIndex"),
            SecondaryName = e.Str("secondaryName"),
        };

        static Ix Ix(JObject o) => new()
        {
            RateLimit = o.Int("rateLimit") ?? 0,
            NetworkServiceType = o.Str("networkServiceType"),
            Asn = o.Long("asn"),
            MacAddress = o.Str("macAddress"),
            Vlan = o.Int("vlan"),
            PortUid = o.Obj("aEnd").Str("productUid") ?? o.Str("aEndProductUid") ?? o.Str("portUid"),
            Shutdown = o.Bool("shutdown"),
        };

        static Mcr Mcr(JObject o)
        {
            var router = o.Obj("resources").Obj("virtual_router");
            var ipsec = o.Objects("addOns").FirstOrDefault(a => string.Equals(a.Str("addOnType"), "IP_SEC", StringComparison.OrdinalIgnoreCase));
            return new Mcr
            {
                Speed = o.Int("portSpeed") ?? router.Int("speed") ?? 0,
                Asn = router.Long("mcrAsn") ?? o.Obj("config").Long("mcrAsn"),
                DiversityZone = Zone(o.Str("diversityZone") ?? o.Obj("config").Str("diversityZone")),
                Market = o.Str("market"),
                MarketplaceVisibility = o.Bool("marketplaceVisibility"),
                VxcUids = Uids(o, "associatedVxcs"),
                IpsecTunnelCount = ipsec.Int("tunnelCount") ?? 0,
            };
        }

        static Mve Mve(JObject o) => new()
        {
            Vendor = o.Str("vendor") ?? o.Obj("vendorConfig").Str("vendor"),
            Size = o.Str("mveSize") ?? o.Obj("vendorConfig").Str("productSize"),
            DiversityZone = Zone(o.Str("diversityZone") ?? o.Obj("config").Str("diversityZone")),
            Market = o.Str("market"),
            VnicDescriptions = o.Objects("vnics").Select(v => v.Str("description") ?? "").ToArray(),
            MarketplaceVisibility = o.Bool("marketplaceVisibility"),
            VxcUids = Uids(o, "associatedVxcs"),
        };

        /// <summary>
        /// The UIDs a buy created: ports, MCRs, MVEs and IXs answer {technicalServiceUid} (a LAG one per member);
        /// VXCs answer an order record whose vxcJTechnicalServiceUid is the new VXC.
        /// </summary>
        public static IReadOnlyList<string> CreatedUids(JToken? data)
        {
            var uids = new List<string>();
            var items = data switch { JArray a => a.OfType<JObject>(), JObject single => new[] { single }, _ => Enumerable.Empty<JObject>() };
            foreach (var item in items)
                if ((item.Str("vxcJTechnicalServiceUid") ?? item.Str("technicalServiceUid") ?? item.Str("productUid")) is string uid) uids.Add(uid);
            return uids;
        }

        public static IxType IxType(JObject o) => new()
        {
            Id = o.Int("id") ?? 0,
            Name = o.Str("name") ?? "",
            Asn = o.Long("asn"),
            Metro = o.Str("metro"),
            Ipv4Network = o.Str("ipv4_network"),
            Ipv6Network = o.Str("ipv6_network"),
        };

        public static ServiceKey ServiceKey(JObject o)
        {
            var validFor = o.Obj("validFor");
            return new ServiceKey
            {
                Key = o.Str("key") ?? "",
                Description = o.Str("description"),
                ProductUid = o.Str("productUid"),
                ProductId = o.Int("productId") ?? 0,
                ProductName = o.Str("productName"),
                MaxSpeed = o.Int("maxSpeed") ?? 0,
                Vlan = o.Int("vlan"),
                SingleUse = o.Bool("singleUse"),
                PreApproved = o.Bool("preApproved"),
                Active = o.Bool("active"),
                Valid = o.Bool("valid"),
                Expired = o.Bool("expired"),
                ValidFrom = validFor.EpochMs("start"),
                ValidTo = validFor.EpochMs("end"),
                CreateDate = o.EpochMs("createDate"),
                LastUsed = o.EpochMs("lastUsed"),
                CompanyName = o.Str("companyName"),
            };
        }

        /// <summary>GET /v4/product/mve/images: {mveImages:[{product, vendor, images:[…]}]}, one object per image.</summary>
        public static IEnumerable<MveImage> MveImages(JToken? data)
        {
            var products = data is JObject o ? o.Objects("mveImages") : data is JArray a ? a.OfType<JObject>() : Enumerable.Empty<JObject>();
            foreach (var product in products)
            {
                var images = product.Objects("images").ToList();
                if (images.Count == 0 && product.Get("id") != null) images.Add(product); // a flat list
                foreach (var image in images)
                    yield return new MveImage
                    {
                        Id = image.Int("id") ?? 0,
                        Vendor = image.Str("vendor") ?? product.Str("vendor") ?? "",
                        Product = image.Str("product") ?? product.Str("product"),
                        Version = image.Str("version"),
                        ProductCode = image.Str("productCode"),
                        VendorDescription = image.Str("vendorDescription"),
                        ReleaseImage = image.Bool("releaseImage"),
                        AvailableSizes = (image.Get("availableSizes") as JArray)?.Select(t => t.ToString()).ToArray() ?? Array.Empty<string>(),
                    };
            }
        }

        public static MveSize MveSize(JObject o) => new()
        {
            Size = o.Str("size") ?? "",
            Label = o.Str("label"),
            CpuCoreCount = o.Int("cpuCoreCount") ?? 0,
            RamGB = o.Int("ramGB") ?? 0,
            BandwidthMbps = o.Int("bandwidthMbps") ?? 0,
        };

        /// <summary>A validate line item's price.</summary>
        public static Quote Quote(JObject line, string? name)
        {
            var price = line.Obj("price");
            return new Quote
            {
                ProductType = (line.Str("productType") ?? price.Str("productType"))?.ToUpperInvariant(),
                Name = name,
                Metro = line.Str("string") ?? line.Str("metro"),
                MonthlyRate = price.Decimal("monthlyRate") ?? 0,
                MonthlySetup = price.Decimal("monthlySetup") ?? 0,
                MbpsRate = price.Decimal("mbpsRate"),
                MonthlyRackRate = price.Decimal("monthlyRackRate"),
                Currency = price.Str("currency"),
            };
        }
    }
}
