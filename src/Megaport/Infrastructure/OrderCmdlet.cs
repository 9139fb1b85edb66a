using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;

namespace Megaport.Infrastructure
{
    /// <summary>
    /// Base of the New- cmdlets that buy something. Each order: local checks (in the cmdlet), the API's validate call,
    /// ShouldProcess with the price, ONE buy, a read-back, then a wait. Orders from the pipeline wait together in
    /// EndProcessing. A failed order is a non-terminating error, so the other orders in the pipeline go on.
    /// The module never sends a buy twice: see MegaportApi.BuyAsync and Recover.
    /// </summary>
    public abstract class OrderCmdlet : PerItemCmdlet
    {
        /// <summary>Return right after the order is placed instead of waiting for CONFIGURED/LIVE.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>How long to wait for provisioning: a TimeSpan or a number of minutes (default 15).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(15);

        readonly List<Service> _ordered = new();

        protected sealed override void End()
        {
            if (_ordered.Count == 0) return;
            Waiting.Run(this, Api, _ordered, liveOnly: false, WaitTimeout, emit: true);
        }

        internal void Order(OrderItem item)
        {
            var api = Api;
            var items = new[] { item };
            var quotes = Run(ctx => api.ValidateAsync(items, ctx));
            var price = PriceText(quotes);
            var description = $"Buying {item.Description} for {price}.";
            if (!ShouldProcess(description, $"Buy {item.Description} for {price}?", "Confirm Megaport order")) return;

            var started = DateTime.UtcNow;
            IReadOnlyList<Service> created;
            try
            {
                created = Run(async ctx =>
                {
                    var uids = await api.BuyAsync(items, ctx).ConfigureAwait(false);
                    return await ReadBackAsync(api, item, uids, ctx).ConfigureAwait(false);
                });
            }
            catch (MegaportException ex) when (ex.OutcomeUnknown)
            {
                created = Recover(api, item, started, ex);
            }
            WriteVerbose($"Ordered {item.Description}: {string.Join(", ", created.Select(s => s.ProductUid))}.");
            if (NoWait) WriteObject(created, enumerateCollection: true);
            else _ordered.AddRange(created);
        }

        /// <summary>Reads the new services back; if that fails the order still stands, so wait on what we know.</summary>
        static async System.Threading.Tasks.Task<IReadOnlyList<Service>> ReadBackAsync(MegaportApi api, OrderItem item, IReadOnlyList<string> uids, CallContext ctx)
        {
            var services = new List<Service>();
            foreach (var uid in uids)
            {
                try
                {
                    services.Add(await api.GetServiceAsync(uid, ctx).ConfigureAwait(false));
                }
                catch (MegaportException ex) when (ex.ErrorId != ErrorIds.AuthenticationFailed)
                {
                    ctx.Verbose?.Invoke($"Reading {uid} back failed ({ex.Message}); waiting will read it again.");
                    services.Add(new Service { ProductUid = uid, Name = item.Name, ProductType = item.ProductType });
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
        IReadOnlyList<Service> Recover(MegaportApi api, OrderItem item, DateTime started, MegaportException failure)
        {
            WriteWarning($"The answer to the order for {item.Description} was lost ({failure.Message}). It is not sent again; looking for the service it may have created.");
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var found = Run(async ctx =>
                {
                    if (attempt > 0) await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(2), ctx.Token).ConfigureAwait(false);
                    return await api.FindOrderedAsync(item, started, ctx).ConfigureAwait(false);
                });
                if (found.Count > 0)
                {
                    WriteWarning($"The order went through: found {string.Join(", ", found.Select(s => $"'{s.Name}' ({s.ProductUid})"))}.");
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
