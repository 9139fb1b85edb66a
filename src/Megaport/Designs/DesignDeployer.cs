using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;

namespace Megaport.Designs
{
    /// <summary>
    /// Applies a confirmed plan in dependency order: what sits at a location first (bought together, waited for
    /// together), then its MCRs' prefix lists, then VXCs and IXs, then -Prune's removals. Buys go through the
    /// OrderPlacer, so none is sent twice; a second run finds by name what the first bought. A failure stops the
    /// run: with rollback, what this run bought is cancelled at once in reverse order; without, what is left is said.
    /// </summary>
    internal sealed class DesignDeployer
    {
        const int ActivityId = 0x4D44; // the design's own progress bar, above the waiter's

        readonly MegaportApi _api;
        readonly DesignPlanner _planner;
        readonly OrderPlacer _placer;
        readonly TimeSpan _timeout;
        readonly Action<string> _warn;
        readonly Action<MegaportException> _fail;
        readonly Action<ProgressRecord> _progress;
        /// <summary>Every service this run bought, in buy order (what a rollback cancels, last first).</summary>
        readonly List<(PlannedItem Item, string Uid)> _bought = new();
        bool _failed;

        public DesignDeployer(MegaportApi api, DesignPlanner planner, TimeSpan timeout, Action<string> warn, Action<MegaportException> fail, Action<ProgressRecord> progress)
        {
            _api = api;
            _planner = planner;
            _timeout = timeout;
            _warn = warn;
            _fail = ex => { _failed = true; fail(ex); };
            _progress = progress;
            _placer = new OrderPlacer(api, warn, _fail);
        }

        /// <summary>Runs the plan's items that were confirmed; sets each one's Result.</summary>
        public async Task RunAsync(DesignPlan plan, IReadOnlyCollection<PlannedItem> confirmed, bool rollback, CallContext ctx)
        {
            var work = plan.Items.Where(confirmed.Contains).ToList();
            foreach (var i in plan.Items) i.Change.Result = i.Change.Action == DesignAction.NoChange ? "Unchanged" : confirmed.Contains(i) ? null : "NotDone";
            var steps = new (string What, Func<Task> Run)[]
            {
                ("Buying ports, MCRs, MVEs and NAT gateways", () => BuyAsync(work.Where(i => DesignKinds.IsLocated(i.Kind)).ToList(), ctx)),
                ("Changing what exists", () => UpdateAsync(work.Where(i => DesignKinds.IsLocated(i.Kind)).ToList(), ctx)),
                ("Waiting for the ends of VXCs and IXs", () => WaitForEndsAsync(plan, ctx)),
                ("Creating prefix lists", () => PrefixListsAsync(work, ctx)),
                ("Buying VXCs and IXs", () => BuyAsync(work.Where(i => !DesignKinds.IsLocated(i.Kind)).ToList(), ctx)),
                ("Changing VXCs and IXs", () => UpdateAsync(work.Where(i => !DesignKinds.IsLocated(i.Kind)).ToList(), ctx)),
                ("Removing what the design does not hold", () => RemoveAsync(work, ctx)),
            };
            for (var s = 0; s < steps.Length && !_failed; s++)
            {
                _progress(new ProgressRecord(ActivityId, "Deploying the design", steps[s].What) { PercentComplete = s * 100 / steps.Length });
                try { await steps[s].Run().ConfigureAwait(false); }
                catch (MegaportException ex) when (ex.IsItemFailure) { _fail(ex); }
            }
            _progress(new ProgressRecord(ActivityId, "Deploying the design", "Done") { RecordType = ProgressRecordType.Completed });
            if (!_failed) return;
            foreach (var i in work.Where(i => i.Change.Result == null)) i.Change.Result = "NotDone";
            if (rollback) await RollbackAsync(ctx).ConfigureAwait(false);
            else
            {
                var left = work.Where(i => i.Change.Result is "NotDone" or "Failed").Select(i => $"{i.Change.Action} {i.Kind} '{i.Name}'").ToList();
                if (left.Count > 0)
                    _warn($"The deploy stopped. Left to do: {string.Join("; ", left)}. What was bought stays; run Deploy-MegaportDesign again to finish.");
            }
        }

        async Task BuyAsync(IReadOnlyList<PlannedItem> items, CallContext ctx)
        {
            var orders = new List<(PlannedItem Item, OrderItem Order)>();
            foreach (var item in items.Where(i => i.Change.Action == DesignAction.Create))
            {
                var order = item.Order ?? _planner.EndItem(item)
                    ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"{item.Kind} '{item.Name}': its ends do not exist after they were bought.", item.Name);
                // Validate what could not be validated before its ends existed.
                if (item.Order == null) await _placer.QuoteAsync(order, ctx).ConfigureAwait(false);
                orders.Add((item, order));
            }
            if (orders.Count == 0) return;
            var created = await _placer.PlaceAllAsync(orders.Select(o => o.Order).ToList(), readBack: false, ctx).ConfigureAwait(false);
            foreach (var (item, order) in orders)
            {
                var mine = created.Where(s => s.Name == order.Name && Products.Products.Of(s) == order.Product).ToList();
                if (mine.Count == 0) { item.Change.Result = "Failed"; continue; }
                item.Uids.AddRange(mine.Select(s => s.ProductUid));
                item.Change.ProductUid = mine[0].ProductUid;
                item.Change.Result = "Created";
                lock (_bought) _bought.AddRange(mine.Select(s => (item, s.ProductUid)));
            }
            if (_failed) return;
            await WaitAsync(created, ctx).ConfigureAwait(false);
        }

        async Task WaitAsync(IReadOnlyList<Service> services, CallContext ctx)
        {
            if (services.Count == 0) return;
            var waiter = new ServiceWaiter(_api, liveOnly: false, _timeout);
            await waiter.WaitAsync(services, (service, outcome) =>
            {
                switch (outcome)
                {
                    case WaitOutcome.Ready:
                    case WaitOutcome.PendingApproval:
                        break;
                    case WaitOutcome.Failed:
                        _fail(new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                            $"'{service.Name}' ({service.ProductUid}) ended up {service.ProvisioningStatus} instead of being provisioned.", service));
                        break;
                    case WaitOutcome.TimedOut:
                        _fail(new MegaportException(ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout,
                            $"'{service.Name}' ({service.ProductUid}) is still {service.ProvisioningStatus ?? "being provisioned"} after {_timeout}. The order exists and will not be placed again.", service));
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
                }
            }, _progress, ctx).ConfigureAwait(false);
        }

        /// <summary>Ends a VXC or IX needs that exist but are not ready yet (a run killed half-way bought them): wait for them.</summary>
        Task WaitForEndsAsync(DesignPlan plan, CallContext ctx)
        {
            var pending = plan.Items.Where(i => i.Kind is DesignKind.Vxc or DesignKind.Ix && i.Change.Action == DesignAction.Create)
                .SelectMany(i => new[] { i.A?.Planned?.Existing, i.A?.Own, i.B?.Planned?.Existing, i.B?.Own })
                .Where(s => s != null && !s.IsReady).Distinct().ToList();
            return WaitAsync(pending!, ctx);
        }

        async Task UpdateAsync(IReadOnlyList<PlannedItem> items, CallContext ctx)
        {
            foreach (var item in items.Where(i => i.Change.Action == DesignAction.Update))
            {
                foreach (var update in item.Updates) await update(ctx).ConfigureAwait(false);
                item.Change.Result = "Updated";
                ctx.Verbose?.Invoke($"Changed {item.Kind} '{item.Name}': {item.Change.ChangeText}.");
            }
        }

        async Task PrefixListsAsync(IReadOnlyList<PlannedItem> items, CallContext ctx)
        {
            foreach (var item in items.Where(i => i.Kind == DesignKind.Mcr && i.Change.Action == DesignAction.Create && i.Uids.Count > 0))
                foreach (var list in item.NewPrefixLists)
                    await _api.SetPrefixListAsync(PrefixListOwner.Mcr, item.Uids[0], null, list, ctx).ConfigureAwait(false);
        }

        async Task RemoveAsync(IReadOnlyList<PlannedItem> items, CallContext ctx)
        {
            foreach (var item in items.Where(i => i.Change.Action == DesignAction.Remove))
            {
                await _api.ActionAsync(item.Existing!.ProductUid, ServiceAction.CancelNow, false, ctx).ConfigureAwait(false);
                item.Change.Result = "Cancelled";
            }
        }

        /// <summary>Cancels, at once and last first, only what this run bought; each cancel is reported.</summary>
        async Task RollbackAsync(CallContext ctx)
        {
            List<(PlannedItem Item, string Uid)> bought;
            lock (_bought) bought = _bought.AsEnumerable().Reverse().ToList();
            foreach (var (item, uid) in bought)
            {
                try
                {
                    await _api.ActionAsync(uid, ServiceAction.CancelNow, false, ctx).ConfigureAwait(false);
                    item.Change.Result = "RolledBack";
                    _warn($"Rolled back {item.Kind} '{item.Name}' ({uid}): cancelled at once.");
                }
                catch (MegaportException ex) when (ex.IsItemFailure)
                {
                    _warn($"Rolling back {item.Kind} '{item.Name}' ({uid}) failed ({ex.Message}); Remove-MegaportService -ProductUid {uid} -Now cancels it.");
                }
            }
        }
    }
}
