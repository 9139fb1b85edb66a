using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>The catalogues: locations, partner ports, cloud key look-ups, exchanges, MVE images and sizes.</summary>
    internal sealed partial class MegaportApi
    {
        public async Task<IReadOnlyList<Location>> GetLocationsAsync(CallContext ctx)
        {
            var list = new List<Location>();
            await Client.StreamArrayAsync("/v3/locations", o => list.Add(Readers.Location(o)), ctx).ConfigureAwait(false);
            return list;
        }

        public async Task<IReadOnlyList<PartnerPort>> GetPartnerPortsAsync(CallContext ctx)
        {
            var list = new List<PartnerPort>();
            await Client.StreamArrayAsync("/v2/dropdowns/partner/megaports", o => list.Add(Readers.PartnerPort(o)), ctx).ConfigureAwait(false);
            return list;
        }

        /// <summary>GET /v2/secure/{azure|google|oracle}/{key}: the ports a cloud key can land on.</summary>
        public async Task<IReadOnlyList<CspPort>> LookupCspPortsAsync(CloudKeyKind kind, string key, CallContext ctx)
        {
            var partner = kind switch
            {
                CloudKeyKind.Azure => "azure",
                CloudKeyKind.Google => "google",
                CloudKeyKind.Oracle => "oracle",
                _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
            var result = await Client.SendAsync("GET", $"/v2/secure/{partner}/{Escape(key)}", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return (result.Data as JObject).Objects("megaports").Select(Readers.CspPort).Where(p => p.ProductUid.Length > 0).ToList();
        }

        public async Task<IReadOnlyList<IxType>> GetIxTypesAsync(CallContext ctx)
        {
            var list = new List<IxType>();
            await Client.StreamArrayAsync("/v2/ixp", o => list.Add(Readers.IxType(o)), ctx).ConfigureAwait(false);
            return list;
        }

        public async Task<IReadOnlyList<MveImage>> GetMveImagesAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/v4/product/mve/images", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Readers.MveImages(result.Data).ToList();
        }

        public async Task<IReadOnlyList<MveSize>> GetMveSizesAsync(CallContext ctx)
        {
            var list = new List<MveSize>();
            await Client.StreamArrayAsync("/v3/product/mve/variants", o => list.Add(Readers.MveSize(o)), ctx).ConfigureAwait(false);
            return list;
        }
    }

    /// <summary>The cloud keys a B-End can be looked up by.</summary>
    internal enum CloudKeyKind
    {
        /// <summary>An ExpressRoute service key.</summary>
        Azure,
        /// <summary>A Partner Interconnect pairing key.</summary>
        Google,
        /// <summary>A FastConnect virtual circuit OCID.</summary>
        Oracle,
    }

    /// <summary>A port a cloud key (Azure service key, Google pairing key, Oracle OCID) can land on.</summary>
    internal sealed class CspPort
    {
        public CspPort(string productUid, string name, string? type, int portSpeed, int vxc, int locationId)
        {
            ProductUid = productUid; Name = name; Type = type; PortSpeed = portSpeed; Vxc = vxc; LocationId = locationId;
        }
        public string ProductUid { get; }
        public string Name { get; }
        /// <summary>primary / secondary (Azure).</summary>
        public string? Type { get; }
        public int PortSpeed { get; }
        /// <summary>Non-zero when the key already has a VXC on this port.</summary>
        public int Vxc { get; }
        public int LocationId { get; }
    }
}
