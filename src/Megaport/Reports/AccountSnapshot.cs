using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Ordering;
using Megaport.Transport;

namespace Megaport.Reports
{
    /// <summary>What a picture of the account needs: its services, and the (cached) locations and partner ports they refer to.</summary>
    internal sealed class AccountSnapshot
    {
        AccountSnapshot(IReadOnlyList<Service> services, IReadOnlyList<Location> locations, IReadOnlyList<PartnerPort> partners)
        {
            Services = services; Locations = locations; Partners = partners;
        }

        public IReadOnlyList<Service> Services { get; }
        public IReadOnlyList<Location> Locations { get; }
        public IReadOnlyList<PartnerPort> Partners { get; }

        /// <summary>Reads the account; <paramref name="onService"/> sees each service as the listing hands it over.</summary>
        public static async Task<AccountSnapshot> ReadAsync(Session session, MegaportApi api, CallContext ctx, Action<Service>? onService = null)
        {
            var services = new List<Service>();
            var listing = api.StreamServicesAsync(s => { services.Add(s); onService?.Invoke(s); }, ctx);
            var locations = CatalogueCache.LocationsAsync(session, api, false, ctx);
            var partners = CatalogueCache.PartnerPortsAsync(session, api, false, ctx);
            await Task.WhenAll(listing, locations, partners).ConfigureAwait(false);
            return new AccountSnapshot(services, await locations.ConfigureAwait(false), await partners.ConfigureAwait(false));
        }

        public Topology Topology() => TopologyBuilder.Build(Services, Locations, Partners);
    }
}
