using System.Linq;
using Megaport.Api;
using Newtonsoft.Json.Linq;

namespace Megaport.Products
{
    /// <summary>Turns a product's JSON into its typed model: the descriptor reads its own fields, this adds the common ones.</summary>
    internal static class ServiceReader
    {
        public static Service Read(JObject o)
        {
            var type = (o.Str("productType") ?? "").ToUpperInvariant();
            var service = Products.ForApiType(type).ReadDetails(o);
            service.ProductUid = o.Str("productUid") ?? o.Str("technicalServiceUid") ?? "";
            service.ProductId = o.Int("productId") ?? 0;
            service.Name = o.Str("productName") ?? o.Str("name") ?? "";
            service.ProductType = type;
            service.ProvisioningStatus = o.Str("provisioningStatus")?.ToUpperInvariant();
            service.LocationId ??= o.Int("locationId");
            service.LocationName ??= o.Obj("locationDetail").Str("name");
            service.Term = o.Int("contractTermMonths") ?? o.Int("term") ?? 0;
            service.CreateDate = o.Date("createDate");
            service.LiveDate = o.Date("liveDate");
            service.ContractEndDate = o.Date("contractEndDate");
            service.CompanyName = o.Str("companyName");
            service.CompanyUid = o.Str("companyUid");
            service.CostCentre = o.Str("costCentre");
            service.SecondaryName = o.Str("secondaryName");
            service.Locked = o.Bool("locked");
            service.AdminLocked = o.Bool("adminLocked");
            service.Cancelable = o.Bool("cancelable");
            return service;
        }

        /// <summary>The fields every port, MCR and MVE has.</summary>
        public static T Located<T>(T service, JObject o) where T : LocatedService
        {
            service.Market = o.Str("market");
            service.DiversityZone = Zone(o.Str("diversityZone") ?? o.Obj("config").Str("diversityZone"));
            service.MarketplaceVisibility = o.Bool("marketplaceVisibility");
            service.VxcUids = Uids(o, "associatedVxcs");
            return service;
        }

        public static string? Zone(string? zone) => string.IsNullOrWhiteSpace(zone) ? null : zone!.ToLowerInvariant();

        public static string[] Uids(JObject o, string name) =>
            o.Objects(name).Select(x => x.Str("productUid")).Where(u => u != null).Select(u => u!).ToArray();
    }
}
