using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Client;

namespace Megaport.Infrastructure
{
    /// <summary>
    /// Base of the New- cmdlets that buy something. Each pipeline item is checked locally (in the cmdlet), validated
    /// by the API and confirmed with its price (ShouldProcess) as it arrives; the confirmed orders are then bought
    /// together in EndProcessing - each with ONE buy call, several at a time - and waited for together.
    /// A failed order is a non-terminating error, so the other orders go on. The module never sends a buy twice:
    /// see MegaportApi.BuyAsync and RecoverAsync.
    /// </summary>
    public abstract class OrderCmdlet : PerItemCmdlet
    {
        const int ConcurrentBuys = 8;

        /// <summary>Return right after the order is placed instead of waiting for CONFIGURED/LIVE.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>How long to wait for provisioning: a TimeSpan or a number of minutes (default 15).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(15);

        readonly List<OrderItem> _confirmed = new();

        /// <summary>Validates the order with the API and asks ShouldProcess with its price; a confirmed order is bought in EndProcessing.</summary>
        internal void Order(OrderItem item)
        {
            var api = Api;
            var quotes = Run(ctx => api.ValidateAsync(new[] { item }, ctx));
            var price = PriceText(quotes);
            var description = $"Buying {item.Description} for {price}.";
            if (ShouldProcess(description, $"Buy {item.Description} for {price}?", "Confirm Megaport order")) _confirmed.Add(item);
        }

        protected sealed override void End()
        {
            if (_confirmed.Count == 0) return;
            var api = Api;
            var created = Run(async ctx =>
            {
                using var gate = new SemaphoreSlim(ConcurrentBuys);
                var buys = _confirmed.Select(async item =>
                {
                    await gate.WaitAsync(ctx.Token).ConfigureAwait(false);
                    try { return await PlaceAsync(api, item, ctx).ConfigureAwait(false); }
                    finally { gate.Release(); }
                });
                return (await Task.WhenAll(buys).ConfigureAwait(false)).SelectMany(s => s).ToList();
            });
            if (NoWait) WriteObject(created, enumerateCollection: true);
            else if (created.Count > 0) Waiting.Run(this, api, created, liveOnly: false, WaitTimeout, emit: true);
        }

        /// <summary>One buy; a failure is reported for this order alone.</summary>
        async Task<IReadOnlyList<Service>> PlaceAsync(MegaportApi api, OrderItem item, CallContext ctx)
        {
            var started = DateTime.UtcNow;
            try
            {
                IReadOnlyList<Service> services;
                try
                {
                    var uids = await api.BuyAsync(new[] { item }, ctx).ConfigureAwait(false);
                    // With -NoWait the new services are emitted now, so read them; otherwise the wait reads them.
                    services = NoWait ? await ReadBackAsync(api, item, uids, ctx).ConfigureAwait(false) : Placeholders(item, uids);
                }
                catch (MegaportException ex) when (ex.OutcomeUnknown)
                {
                    services = await RecoverAsync(api, item, started, ex, ctx).ConfigureAwait(false);
                }
                ctx.Verbose?.Invoke($"Ordered {item.Description}: {string.Join(", ", services.Select(s => s.ProductUid))}.");
                return services;
            }
            catch (MegaportException ex) when (ex.ErrorId is not (ErrorIds.NotConnected or ErrorIds.AuthenticationFailed))
            {
                Fail(ex);
                return Array.Empty<Service>();
            }
        }

        /// <summary>What the order created, known by UID only until the wait reads it (a LAG knows all its members).</summary>
        static IReadOnlyList<Service> Placeholders(OrderItem item, IReadOnlyList<string> uids) => uids.Select(uid =>
        {
            Service s = item.ProductType switch
            {
                "MEGAPORT" => new Port { LagMemberUids = uids.Count > 1 ? uids.ToArray() : Array.Empty<string>() },
                "VXC" => new Vxc(),
                "IX" => new Ix(),
                "MCR2" => new Mcr(),
                "MVE" => new Mve(),
                _ => new Service(),
            };
            s.ProductUid = uid;
            s.Name = item.Name;
            s.ProductType = item.ProductType;
            return s;
        }).ToList();

        /// <summary>Reads the new services back; if that fails the order still stands.</summary>
        static async Task<IReadOnlyList<Service>> ReadBackAsync(MegaportApi api, OrderItem item, IReadOnlyList<string> uids, CallContext ctx)
        {
            var services = new List<Service>();
            var placeholders = Placeholders(item, uids);
            for (var i = 0; i < uids.Count; i++)
            {
                try
                {
                    services.Add(await api.GetServiceAsync(uids[i], ctx).ConfigureAwait(false));
                }
                catch (MegaportException ex) when (ex.ErrorId != ErrorIds.AuthenticationFailed)
                {
                    ctx.Verbose?.Invoke($"Reading {uids[i]} back failed ({ex.Message}).");
                    services.Add(placeholders[i]);
                }
            }
            if (services.Count > 1)
                foreach (var port in services.OfType<Port>()) port.LagMemberUids = uids.ToArray();
            return services;
        }

        /// <summary>
        /// The buy was sent but its answer was lost (timeout, reset, 5xx). Never send it again: look for what it
        /// created instead. Found: warn and carry on with it. Not found: say the order may exist and how to check.
        /// </summary>
        async Task<IReadOnlyList<Service>> RecoverAsync(MegaportApi api, OrderItem item, DateTime started, MegaportException failure, CallContext ctx)
        {
            Warn($"The answer to the order for {item.Description} was lost ({failure.Message}). It is not sent again; looking for the service it may have created.");
            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (attempt > 0) await Task.Delay(TimeSpan.FromSeconds(2), ctx.Token).ConfigureAwait(false);
                var found = await api.FindOrderedAsync(item, started, ctx).ConfigureAwait(false);
                if (found.Count > 0)
                {
                    Warn($"The order went through: found {string.Join(", ", found.Select(s => $"'{s.Name}' ({s.ProductUid})"))}.");
                    return found;
                }
            }
            throw new MegaportException(ErrorIds.ApiError, failure.Category,
                $"The order for {item.Description} may or may not exist: {failure.Message}. It was not sent again. " +
                $"Check with Get-MegaportService -Name '{item.Name}' before ordering again.", item.Name, failure)
            {
                Method = failure.Method, Path = failure.Path, StatusCode = failure.StatusCode, TraceId = failure.TraceId, OutcomeUnknown = true,
                RecommendedAction = $"Run Get-MegaportService -Name '{item.Name}' in a few minutes; order again only if it is not there.",
            };
        }

        internal static string PriceText(IReadOnlyList<Quote> quotes)
        {
            var priced = quotes.Where(q => q.Currency != null).ToList();
            if (priced.Count == 0) return "a price the API did not quote";
            var currency = priced[0].Currency;
            var monthly = priced.Sum(q => q.MonthlyRate);
            var setup = priced.Sum(q => q.MonthlySetup);
            var text = $"{monthly.ToString("N2", CultureInfo.InvariantCulture)} {currency}/month";
            return setup != 0 ? text + $" plus {setup.ToString("N2", CultureInfo.InvariantCulture)} {currency} setup" : text;
        }

    }

    /// <summary>
    /// What a wait ends in, for New-*, Set-* and Wait-MegaportService alike: ready services are emitted (when
    /// <c>emit</c>), pending approvals warn, failures and timeouts are non-terminating errors naming the service.
    /// </summary>
    internal static class Waiting
    {
        public static void Run(MegaportCmdlet cmdlet, MegaportApi api, IReadOnlyList<Service> services, bool liveOnly, TimeSpan timeout, bool emit)
        {
            var waiter = new ServiceWaiter(api, liveOnly, timeout);
            cmdlet.Run(ctx => waiter.WaitAsync(services, (service, outcome) =>
            {
                switch (outcome)
                {
                    case WaitOutcome.Ready:
                        if (emit) cmdlet.Emit(service);
                        break;
                    case WaitOutcome.PendingApproval:
                        cmdlet.Warn($"VXC '{service.Name}' ({service.ProductUid}) is waiting for approval by the other party " +
                                    $"({((Vxc)service).ApprovalStatus}). It goes live once approved; Wait-MegaportService waits for it.");
                        if (emit) cmdlet.Emit(service);
                        break;
                    case WaitOutcome.Failed:
                        cmdlet.Fail(new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                            $"'{service.Name}' ({service.ProductUid}) ended up {service.ProvisioningStatus} instead of being provisioned.", service));
                        break;
                    case WaitOutcome.TimedOut:
                        cmdlet.Fail(new MegaportException(ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout,
                            $"'{service.Name}' ({service.ProductUid}) is still {service.ProvisioningStatus ?? "being provisioned"} after {timeout}. " +
                            "The order exists and will not be placed again.", service)
                        { RecommendedAction = $"Wait-MegaportService -ProductUid {service.ProductUid} waits longer." });
                        break;
                }
            }, cmdlet.Report, ctx));
        }
    }
}
