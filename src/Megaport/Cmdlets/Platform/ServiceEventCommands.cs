using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Base of Get-MegaportMaintenance and Get-MegaportOutage: the events in the states asked for, the affected services
    /// named, and with services from the pipeline only the events that affect them.
    /// </summary>
    public abstract class ServiceEventCmdlet<T> : MegaportApiCmdlet where T : ServiceEvent
    {
        /// <summary>Only events naming these services; services from Get-MegaportService bind by ProductUid.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ServiceCompleter))]
        public string[]? ProductUid { get; set; }

        internal abstract string[] States { get; }
        internal abstract Task<IReadOnlyList<T>> ReadAsync(MegaportApi api, string state, CallContext ctx);

        readonly List<string> _services = new();
        bool _filtered;

        protected override void Process()
        {
            if (ProductUid == null) return;
            _filtered = true;
            foreach (var uid in ProductUid)
            {
                Check.Uid(uid, nameof(ProductUid));
                _services.Add(uid);
            }
        }

        protected override void End()
        {
            var api = Api;
            var states = States;
            var events = Run(async ctx =>
            {
                var all = new List<T>();
                foreach (var state in states) all.AddRange(await ReadAsync(api, state, ctx).ConfigureAwait(false));
                return all;
            });
            if (_filtered) events = events.Where(e => _services.Any(e.Affects)).ToList();
            if (events.Count == 0) return;
            // The API names services by the start of their UID; the account's services give them names.
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var wanted = new HashSet<string>(events.SelectMany(e => e.ServiceIds), StringComparer.OrdinalIgnoreCase);
            Run(ctx => api.StreamServicesAsync(s =>
            {
                foreach (var id in wanted)
                    if (ServiceEvent.ShortIdMatches(id, s.ProductUid) && !names.ContainsKey(id)) names[id] = s.Name;
            }, ctx));
            foreach (var e in events)
            {
                e.Services = e.ServiceIds.Select(id => names.TryGetValue(id, out var n) ? n : id).ToArray();
                WriteObject(e);
            }
        }
    }

    /// <summary>Get-MegaportMaintenance: maintenance windows (by default the scheduled and running ones).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMaintenance")]
    [OutputType(typeof(MaintenanceEvent))]
    public sealed class GetMegaportMaintenanceCommand : ServiceEventCmdlet<MaintenanceEvent>
    {
        [Parameter(Position = 0)]
        [ValidateSet("Scheduled", "Running", "Completed", "Cancelled", IgnoreCase = true)]
        public string[] State { get; set; } = { "Scheduled", "Running" };

        // The API takes each state in its own spelling, one per request.
        internal override string[] States => Canonical(State, "Scheduled", "Running", "Completed", "Cancelled");

        internal override Task<IReadOnlyList<MaintenanceEvent>> ReadAsync(MegaportApi api, string state, CallContext ctx) => api.GetMaintenanceAsync(state, ctx);

        internal static string[] Canonical(string[] given, params string[] all) =>
            all.Where(s => given.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>Get-MegaportOutage: outages (by default the ongoing ones).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportOutage")]
    [OutputType(typeof(OutageEvent))]
    public sealed class GetMegaportOutageCommand : ServiceEventCmdlet<OutageEvent>
    {
        [Parameter(Position = 0)]
        [ValidateSet("Ongoing", "Resolved", IgnoreCase = true)]
        public string[] State { get; set; } = { "Ongoing" };

        internal override string[] States => GetMegaportMaintenanceCommand.Canonical(State, "Ongoing", "Resolved");

        internal override Task<IReadOnlyList<OutageEvent>> ReadAsync(MegaportApi api, string state, CallContext ctx) => api.GetOutagesAsync(state, ctx);
    }
}
