using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>Turns the API's answers into output objects: catalogues, prices, keys and tags (products: Products/ServiceReader).</summary>
    internal static class Readers
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
            DiversityZone = Products.ServiceReader.Zone(o.Str("diversityZone")),
            VxcPermitted = o.Bool("vxcPermitted"),
            Rank = o.Int("rank") ?? 0,
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
                ValidFrom = validFor.Date("start"),
                ValidTo = validFor.Date("end"),
                CreateDate = o.Date("createDate"),
                LastUsed = o.Date("lastUsed"),
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

        /// <summary>A validate line item's price (the caller names it after its order).</summary>
        public static Quote Quote(JObject line)
        {
            var price = line.Obj("price");
            return new Quote
            {
                ProductType = (line.Str("productType") ?? price.Str("productType"))?.ToUpperInvariant(),
                Metro = line.Str("string") ?? line.Str("metro"),
                MonthlyRate = price.Decimal("monthlyRate") ?? 0,
                MonthlySetup = price.Decimal("monthlySetup") ?? 0,
                MbpsRate = price.Decimal("mbpsRate"),
                MonthlyRackRate = price.Decimal("monthlyRackRate"),
                Currency = price.Str("currency"),
            };
        }

        public static IReadOnlyList<ServiceTag> Tags(string productUid, JToken? data) =>
            (data as JObject).Objects("resourceTags").Select(t => new ServiceTag { ProductUid = productUid, Key = t.Str("key") ?? "", Value = t.Str("value") ?? "" }).ToList();

        public static CspPort CspPort(JObject m) => new(
            m.Str("productUid") ?? "", m.Str("name") ?? m.Str("productName") ?? "", m.Str("type"), m.Int("portSpeed") ?? 0,
            m.Int("vxc") ?? 0, m.Int("locationId") ?? 0);

        /// <summary>A prefix list; ge/le come back as text (or numbers) and are held as integers.</summary>
        /// <summary>A prefix list of an MCR or a NAT gateway; both send ge and le as text, shown here as numbers.</summary>
        public static PrefixList PrefixList(string ownerUid, JObject o) => new()
        {
            ProductUid = ownerUid,
            Id = o.Int("id") ?? 0,
            Description = o.Str("description") ?? "",
            AddressFamily = o.Str("addressFamily") ?? "",
            Entries = o.Objects("entries").Select(e => new PrefixListEntry
            {
                Action = (e.Str("action") ?? "").ToLowerInvariant(),
                Prefix = e.Str("prefix") ?? "",
                Ge = e.Int("ge"),
                Le = e.Int("le"),
            }).ToArray(),
        };

        /// <summary>The tunnels of an MCR, one per tunnel of each VXC; a pre-shared key in the answer is never read.</summary>
        public static IEnumerable<McrIpsecTunnel> IpsecTunnels(string mcrUid, JObject? data)
        {
            foreach (var vxc in data.Objects("ipSecConfiguredVxcs"))
                foreach (var t in vxc.Objects("tunnels"))
                    yield return new McrIpsecTunnel
                    {
                        ProductUid = mcrUid,
                        VxcUid = vxc.Str("productUid"),
                        VxcName = vxc.Str("name"),
                        Description = t.Str("description"),
                        SourceIpAddress = t.Str("sourceIpAddress"),
                        DestinationIpAddress = t.Str("destinationIpAddress"),
                        LocalId = t.Str("localId"),
                        RemoteId = t.Str("remoteId"),
                        Vlan = t.Int("vlan"),
                    };
        }
    }
}
