using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>
    /// Prices and buys confirmed orders: each with ONE buy call, several at a time. A buy is never sent twice: it is
    /// retried only where nothing can have been bought (see RetryPolicy), and when its answer is lost the placer
    /// looks for what it created instead. A failed order is reported for that order alone.
    /// </summary>
    internal sealed class OrderPlacer
    {
        const int ConcurrentBuys = 8;

        readonly MegaportApi _api;
        readonly Action<string> _warn;
        readonly Action<MegaportException> _fail;

        /// <param name="warn">Where warnings go (a lost answer, a recovered order).</param>
        /// <param name="fail">Where one order's failure goes (the others carry on).</param>
        public OrderPlacer(MegaportApi api, Action<string> warn, Action<MegaportException> fail)
        {
            _api = api;
            _warn = warn;
            _fail = fail;
        }

        /// <summary>The prices of one order, each named after it.</summary>
        public async Task<IReadOnlyList<Quote>> QuoteAsync(OrderItem item, CallContext ctx)
        {
            var quotes = await _api.ValidateAsync(new[] { item.Line }, ctx).ConfigureAwait(false);
            foreach (var q in quotes) q.Name = item.Name;
            return quotes;
        }

        /// <summary>
        /// Buys every item and returns what was created: placeholders known by UID (the waiter reads them), or the
        /// services read back when <paramref name="readBack"/> (nothing waits for them).
        /// </summary>
        public async Task<IReadOnlyList<Service>> PlaceAllAsync(IReadOnlyList<OrderItem> items, bool readBack, CallContext ctx)
        {
            using var gate = new SemaphoreSlim(ConcurrentBuys);
            var buys = items.Select(async item =>
            {
                await gate.WaitAsync(ctx.Token).ConfigureAwait(false);
                try { return await PlaceAsync(item, readBack, ctx).ConfigureAwait(false); }
                finally { gate.Release(); }
            });
            return (await Task.WhenAll(buys).ConfigureAwait(false)).SelectMany(s => s).ToList();
        }

        async Task<IReadOnlyList<Service>> PlaceAsync(OrderItem item, bool readBack, CallContext ctx)
        {
            var started = DateTime.UtcNow;
            try
            {
                IReadOnlyList<Service> services;
                if (item.Design != null)
                {
                    var uid = await BuyDesignAsync(item, ctx).ConfigureAwait(false);
                    services = readBack ? await ReadBackAsync(item, new[] { uid }, ctx).ConfigureAwait(false) : Placeholders(item, new[] { uid });
                }
                else
                {
                    try
                    {
                        var uids = await _api.BuyAsync(new[] { item.Line }, ctx).ConfigureAwait(false);
                        services = readBack ? await ReadBackAsync(item, uids, ctx).ConfigureAwait(false) : Placeholders(item, uids);
                    }
                    catch (MegaportException ex) when (ex.OutcomeUnknown)
                    {
                        services = await RecoverAsync(item, started, ex, ctx).ConfigureAwait(false);
                    }
                }
                ctx.Verbose?.Invoke($"Ordered {item.Description}: {string.Join(", ", services.Select(s => s.ProductUid))}.");
                return services;
            }
            catch (MegaportException ex) when (ex.IsItemFailure)
            {
                _fail(ex);
                return Array.Empty<Service>();
            }
        }

        static IReadOnlyList<Service> Placeholders(OrderItem item, IReadOnlyList<string> uids) => uids.Select(uid =>
        {
            var s = item.Product.Placeholder(uid, uids);
            s.Name = item.Name;
            return s;
        }).ToList();

        /// <summary>Reads the new services back; if that fails the order still stands (its placeholder is returned).</summary>
        async Task<IReadOnlyList<Service>> ReadBackAsync(OrderItem item, IReadOnlyList<string> uids, CallContext ctx)
        {
            var services = new List<Service>();
            var placeholders = Placeholders(item, uids);
            for (var i = 0; i < uids.Count; i++)
            {
                try
                {
                    var fresh = await _api.GetServiceAsync(uids[i], ctx).ConfigureAwait(false);
                    item.Product.KeepOrderFacts(placeholders[i], fresh);
                    services.Add(fresh);
                }
                catch (MegaportException ex) when (ex.ErrorId != ErrorIds.AuthenticationFailed && ex.IsItemFailure)
                {
                    ctx.Verbose?.Invoke($"Reading {uids[i]} back failed ({ex.Message}).");
                    services.Add(placeholders[i]);
                }
            }
            return services;
        }

        /// <summary>
        /// The buy was sent but its answer was lost (timeout, reset, 5xx). Never send it again: look for what it
        /// created instead. Found: warn and carry on with it. Not found: say the order may exist and how to check.
        /// </summary>
        async Task<IReadOnlyList<Service>> RecoverAsync(OrderItem item, DateTime started, MegaportException failure, CallContext ctx)
        {
            _warn($"The answer to the order for {item.Description} was lost ({failure.Message}). It is not sent again; looking for the service it may have created.");
            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (attempt > 0) await _api.Client.Timings.Pause(_api.Client.Timings.RecoveryDelay, ctx.Token).ConfigureAwait(false);
                var found = await FindOrderedAsync(item, started, ctx).ConfigureAwait(false);
                if (found.Count > 0)
                {
                    _warn($"The order went through: found {string.Join(", ", found.Select(s => $"'{s.Name}' ({s.ProductUid})"))}.");
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

        /// <summary>
        /// A product bought as a design: create the design, let the API validate it, buy it by UID. A design the API
        /// refuses is deleted again, so a failed order leaves nothing behind. A buy whose answer is lost is never sent
        /// again: the design itself is read back, and it has been bought when it is no longer a DESIGN.
        /// </summary>
        async Task<string> BuyDesignAsync(OrderItem item, CallContext ctx)
        {
            string uid;
            try { uid = await _api.CreateDesignAsync(item.Product, item.Design!, ctx).ConfigureAwait(false); }
            catch (MegaportException ex) when (ex.OutcomeUnknown)
            {
                throw new MegaportException(ex.ErrorId, ex.Category,
                    $"Creating the design for {item.Description} got no answer ({ex.Message}); nothing was bought. A design may exist: " +
                    $"Get-MegaportService -Name '{item.Name}' shows it and Remove-MegaportService deletes it.", item.Name, ex)
                { Method = ex.Method, Path = ex.Path, StatusCode = ex.StatusCode, TraceId = ex.TraceId };
            }
            ctx.Verbose?.Invoke($"Created the design {uid} for {item.Description}.");
            try
            {
                await _api.ValidateDesignAsync(uid, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.ErrorId != ErrorIds.AuthenticationFailed)
            {
                await DiscardDesignAsync(item, uid, ctx).ConfigureAwait(false);
                throw;
            }
            try
            {
                return await _api.BuyDesignAsync(uid, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.OutcomeUnknown)
            {
                return await RecoverDesignAsync(item, uid, ex, ctx).ConfigureAwait(false);
            }
            catch (MegaportException ex) when (ex.ErrorId != ErrorIds.AuthenticationFailed)
            {
                await DiscardDesignAsync(item, uid, ctx).ConfigureAwait(false);
                throw;
            }
        }

        async Task<string> RecoverDesignAsync(OrderItem item, string uid, MegaportException failure, CallContext ctx)
        {
            _warn($"The answer to the order for {item.Description} was lost ({failure.Message}). It is not sent again; reading the design {uid} back.");
            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (attempt > 0) await _api.Client.Timings.Pause(_api.Client.Timings.RecoveryDelay, ctx.Token).ConfigureAwait(false);
                try
                {
                    var design = await _api.GetServiceAsync(uid, ctx).ConfigureAwait(false);
                    if (design.ProvisioningStatus != ProvisioningStatuses.Design)
                    {
                        _warn($"The order went through: '{design.Name}' ({uid}) is {design.ProvisioningStatus}.");
                        return uid;
                    }
                }
                catch (MegaportException ex) when (ex.Transient) { }
            }
            throw new MegaportException(ErrorIds.ApiError, failure.Category,
                $"The order for {item.Description} may or may not have gone through: {failure.Message}. It was not sent again; its design is {uid}. " +
                $"Check with Get-MegaportService -ProductUid {uid}: still DESIGN means not bought (Remove-MegaportService deletes it).", uid, failure)
            {
                Method = failure.Method, Path = failure.Path, StatusCode = failure.StatusCode, TraceId = failure.TraceId, OutcomeUnknown = true,
                RecommendedAction = $"Run Get-MegaportService -ProductUid {uid} in a few minutes; order again only if it is still a DESIGN (and delete that design).",
            };
        }

        /// <summary>Deletes a design whose order failed; if that fails too, says how to delete it.</summary>
        async Task DiscardDesignAsync(OrderItem item, string uid, CallContext ctx)
        {
            try
            {
                await _api.DeleteDesignAsync(item.Product, uid, ctx).ConfigureAwait(false);
                ctx.Verbose?.Invoke($"Deleted the design {uid} of the failed order for {item.Description}.");
            }
            catch (MegaportException ex) when (ex.ErrorId != ErrorIds.AuthenticationFailed)
            {
                _warn($"The design {uid} of the failed order for {item.Description} could not be deleted ({ex.Message}); Remove-MegaportService -ProductUid {uid} deletes it.");
            }
        }

        /// <summary>The services of an order, found by name and kind among those created since it started (allowing for clock skew).</summary>
        async Task<IReadOnlyList<Service>> FindOrderedAsync(OrderItem item, DateTime startedUtc, CallContext ctx)
        {
            var found = new List<Service>();
            var since = startedUtc - TimeSpan.FromMinutes(5);
            await _api.StreamServicesAsync(s =>
            {
                if (string.Equals(s.Name, item.Name, StringComparison.Ordinal)
                    && Products.Products.Of(s) == item.Product
                    && (s.CreateDate == null || s.CreateDate >= since)
                    && !s.IsInactive)
                    found.Add(s);
            }, ctx).ConfigureAwait(false);
            return found;
        }
    }
}
