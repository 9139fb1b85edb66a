using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Base of the New- cmdlets that buy something. Each pipeline item is checked locally (in the cmdlet), validated
    /// by the API and confirmed with its price (ShouldProcess) as it arrives; the confirmed orders are then bought
    /// together in EndProcessing (see OrderPlacer) and waited for together.
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

        readonly List<OrderItem> _confirmed = new();
        OrderPlacer? _placer;

        OrderPlacer Placer => _placer ??= new OrderPlacer(Api, Warn, Fail);

        /// <summary>Validates the order with the API and asks ShouldProcess with its price; a confirmed order is bought in EndProcessing.</summary>
        internal void Order(OrderItem item)
        {
            var placer = Placer;
            var price = PriceText(Run(ctx => placer.QuoteAsync(item, ctx)));
            var description = $"Buying {item.Description} for {price}.";
            if (ShouldProcess(description, $"Buy {item.Description} for {price}?", "Confirm Megaport order")) _confirmed.Add(item);
        }

        protected sealed override void End()
        {
            if (_confirmed.Count == 0) return;
            var placer = Placer;
            // With -NoWait the new services are emitted now, so they are read back; otherwise the wait reads them.
            var created = Run(ctx => placer.PlaceAllAsync(_confirmed, readBack: NoWait, ctx));
            if (NoWait) WriteObject(created, enumerateCollection: true);
            else if (created.Count > 0) Waiting.Run(this, Api, created, liveOnly: false, WaitTimeout, emit: true);
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
}
