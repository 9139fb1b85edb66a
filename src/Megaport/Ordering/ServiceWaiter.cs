using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Ordering
{
    internal enum WaitOutcome { Ready, PendingApproval, Failed, TimedOut }

    /// <summary>
    /// Waits for services to be provisioned with one shared poll loop: a few services are read one by one
    /// (concurrently), many are read in one /v2/products call per round. Polls quickly at first, then back off.
    /// </summary>
    internal sealed class ServiceWaiter
    {
        const int ActivityId = 0x4D50; // stable, so every update replaces the same progress bar
        // Up to this many pending services are read one by one (a few at a time); beyond it one /v2/products listing
        // per round is cheaper. Individual reads win for bulk orders on big accounts, whose listing is huge.
        const int IndividualReadLimit = 200;
        const int ConcurrentReads = 16;
        readonly MegaportApi _api;
        readonly bool _liveOnly;
        readonly TimeSpan _timeout;

        public ServiceWaiter(MegaportApi api, bool liveOnly, TimeSpan timeout)
        {
            _api = api;
            _liveOnly = liveOnly;
            _timeout = timeout;
        }

        public static WaitOutcome? Classify(Service s, bool liveOnly)
        {
            if (s is Vxc v && v.IsPendingApproval) return WaitOutcome.PendingApproval;
            return s.ProvisioningStatus switch
            {
                ProvisioningStatuses.Failed or ProvisioningStatuses.Cancelled or ProvisioningStatuses.Decommissioned => WaitOutcome.Failed,
                ProvisioningStatuses.Live => WaitOutcome.Ready,
                ProvisioningStatuses.Configured => liveOnly ? null : WaitOutcome.Ready,
                // DESIGN, NEW, DEPLOYABLE, and any status the module does not know yet: still on its way.
                _ => null,
            };
        }

        /// <summary>Calls <paramref name="onDone"/> once per service (ready, pending approval, failed or timed out).</summary>
        public async Task WaitAsync(IReadOnlyList<Service> services, Action<Service, WaitOutcome> onDone, Action<ProgressRecord>? progress, CallContext ctx)
        {
            var pending = new Dictionary<string, Service>(StringComparer.OrdinalIgnoreCase);
            foreach (var s in services) pending[s.ProductUid] = s;
            var total = pending.Count;
            var timings = _api.Client.Timings;
            var started = DateTime.UtcNow;
            var deadline = started + _timeout;
            var interval = timings.PollFirst;
            // Polls are due on a schedule counted from the start of the wait, not from the end of the last round: a
            // round that reads a hundred services takes a while, and that time must not push every later poll back.
            var due = started;
            try
            {
                while (true)
                {
                    foreach (var s in pending.Values.ToList())
                    {
                        if (Classify(s, _liveOnly) is WaitOutcome outcome)
                        {
                            pending.Remove(s.ProductUid);
                            onDone(s, outcome);
                        }
                    }
                    if (pending.Count == 0) return;
                    var now = DateTime.UtcNow;
                    if (now >= deadline)
                    {
                        foreach (var s in pending.Values) onDone(s, WaitOutcome.TimedOut);
                        return;
                    }
                    progress?.Invoke(Progress(pending.Values, total, started, deadline));
                    due += interval;
                    // Never back to back: at least a quarter of the interval between rounds, however late this one is.
                    var sleep = due - now > TimeSpan.FromTicks(interval.Ticks / 4) ? due - now : TimeSpan.FromTicks(interval.Ticks / 4);
                    if (deadline - now < sleep) sleep = deadline - now;
                    await Task.Delay(sleep, ctx.Token).ConfigureAwait(false);
                    interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), timings.PollMax.Ticks));
                    await RefreshAsync(pending, ctx).ConfigureAwait(false);
                }
            }
            finally
            {
                progress?.Invoke(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        const string Activity = "Waiting for Megaport services";

        ProgressRecord Progress(IEnumerable<Service> pending, int total, DateTime started, DateTime deadline)
        {
            var waiting = pending.ToList();
            var done = total - waiting.Count;
            var first = waiting[0];
            var status = total == 1
                ? $"{first.Name} is {first.ProvisioningStatus ?? "ordered"}"
                : $"{done} of {total} ready; waiting for {first.Name} ({first.ProvisioningStatus ?? "ordered"})" + (waiting.Count > 1 ? $" and {waiting.Count - 1} more" : "");
            return new ProgressRecord(ActivityId, Activity, status + $" - {(int)(DateTime.UtcNow - started).TotalSeconds} s")
            {
                PercentComplete = Math.Min(99, done * 100 / Math.Max(1, total)),
                SecondsRemaining = (int)Math.Max(0, (deadline - DateTime.UtcNow).TotalSeconds),
            };
        }

        /// <summary>Takes the fresh read, keeping what only the order knew (a LAG's member list).</summary>
        static void Update(Dictionary<string, Service> pending, Service fresh)
        {
            Products.Products.Of(fresh).KeepOrderFacts(pending[fresh.ProductUid], fresh);
            pending[fresh.ProductUid] = fresh;
        }

        async Task RefreshAsync(Dictionary<string, Service> pending, CallContext ctx)
        {
            if (pending.Count <= IndividualReadLimit)
            {
                using var gate = new SemaphoreSlim(ConcurrentReads);
                var reads = pending.Keys.ToList().Select(async uid =>
                {
                    await gate.WaitAsync(ctx.Token).ConfigureAwait(false);
                    try { return await _api.GetServiceAsync(uid, ctx).ConfigureAwait(false); }
                    // A transient failure, or a service just ordered that the API does not show yet: try again next round.
                    catch (MegaportException ex) when (ex.Transient || ex.ErrorId == ErrorIds.ServiceNotFound) { return null; }
                    finally { gate.Release(); }
                });
                foreach (var s in await Task.WhenAll(reads).ConfigureAwait(false))
                    if (s != null) Update(pending, s);
                return;
            }
            try
            {
                await _api.StreamServicesAsync(s =>
                {
                    if (pending.ContainsKey(s.ProductUid)) Update(pending, s);
                }, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.Transient) { }
        }
    }
}
