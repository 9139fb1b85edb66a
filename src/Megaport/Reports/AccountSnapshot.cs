using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Cmdlets;
using Megaport.Errors;
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

        /// <summary>
        /// What a picture of some services needs, without listing the account (a few services of a big account are a
        /// few small reads, not the whole listing): the chosen services - as <paramref name="given"/> (objects read
        /// before), else read by UID with what is attached to them - and the account's own services at the ends of
        /// chosen VXCs and IXs. A UID the account does not have is left out. A LAG is known whole only from the
        /// listing, so a LAG member among them reads the account instead.
        /// </summary>
        public static async Task<AccountSnapshot> ReadSelectedAsync(Session session, MegaportApi api, IReadOnlyCollection<string> uids,
            IReadOnlyCollection<Service> given, CallContext ctx, Action<Service>? onService = null)
        {
            var locations = CatalogueCache.LocationsAsync(session, api, false, ctx);
            var partners = CatalogueCache.PartnerPortsAsync(session, api, false, ctx);
            var services = new List<Service>();
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            void Add(Service s)
            {
                if (!known.Add(s.ProductUid)) return;
                services.Add(s);
                onService?.Invoke(s);
            }
            var chosen = new HashSet<string>(uids, StringComparer.OrdinalIgnoreCase);
            foreach (var s in given) Add(s);
            await ReadEachAsync(api, chosen.Where(u => !known.Contains(u)).ToList(), ctx, ErrorIds.ServiceNotFound, read =>
            {
                Add(read.Service);
                foreach (var attached in read.Attached)
                {
                    Products.Products.Of(attached).AttachToParent(attached, read.Service);
                    Add(attached);
                }
            }).ConfigureAwait(false);
            var partnerUids = new HashSet<string>((await partners.ConfigureAwait(false)).Select(p => p.ProductUid), StringComparer.OrdinalIgnoreCase);
            var ends = services.Where(s => chosen.Contains(s.ProductUid))
                .SelectMany(s => s switch { Vxc v => new[] { v.AEnd.ProductUid, v.BEnd.ProductUid }, Ix ix => new[] { ix.PortUid }, _ => Array.Empty<string?>() })
                .Where(u => u != null && !known.Contains(u) && !partnerUids.Contains(u)).Select(u => u!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            // An end that cannot be read is not the account's: the topology shows it as a far end.
            await ReadEachAsync(api, ends, ctx, null, read => Add(read.Service)).ConfigureAwait(false);
            if (services.Any(s => s is Port { IsLagMember: true }))
                return await ReadAsync(session, api, ctx, s => { if (!known.Contains(s.ProductUid)) onService?.Invoke(s); }).ConfigureAwait(false);
            return new AccountSnapshot(services, await locations.ConfigureAwait(false), await partners.ConfigureAwait(false));
        }

        /// <summary>
        /// Reads services by UID a few at a time, handing each over in order. A failure with <paramref name="passOver"/>'s
        /// id (or, when it is null, any failure of that one read) leaves the service out; any other stops the report.
        /// </summary>
        static Task ReadEachAsync(MegaportApi api, IReadOnlyList<string> uids, CallContext ctx, string? passOver, Action<(Service Service, IReadOnlyList<Service> Attached)> done) =>
            TelemetryReads.ReadAllAsync(uids, uid => api.GetServiceWithAttachedAsync(uid, ctx), (_, read) => done(read),
                (_, ex) => { if (passOver != null && ex.ErrorId != passOver) ExceptionDispatchInfo.Capture(ex).Throw(); }, null, ctx);

        public Topology Topology() => TopologyBuilder.Build(Services, Locations, Partners);
    }
}
