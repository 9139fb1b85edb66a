using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Telemetry for many services at once (Get-MegaportTelemetry's pipeline, Export-MegaportReport): a few reads in
    /// flight, results handed over in input order as soon as they and the ones before them are in, with progress.
    /// </summary>
    internal static class TelemetryReads
    {
        /// <summary>Reads in flight at once: enough to hide latency, few enough not to be rate-limited.</summary>
        public const int Concurrency = 4;
        public const int ActivityId = 16;

        /// <summary>The types to read for <paramref name="service"/>: the ones asked for (any case), else its kind's defaults.</summary>
        public static IReadOnlyList<string> TypesFor(Service service, IReadOnlyList<string>? asked)
        {
            var telemetry = Products.Products.Of(service).Telemetry
                ?? throw new MegaportException(ErrorIds.NotSupported, ErrorCategory.NotImplemented,
                    $"'{service.Name}' ({service.ProductUid}) is a {service.ProductType} service: the API keeps no telemetry for it.", service.ProductUid);
            if (asked == null || asked.Count == 0) return telemetry.Defaults;
            var wrong = asked.Where(t => !telemetry.Types.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
            if (wrong.Count > 0)
                throw MegaportException.InvalidArgument(
                    $"'{service.Name}' is a {Products.Products.Of(service).Noun}: it has no telemetry of type {string.Join(", ", wrong)}; use {string.Join(", ", telemetry.Types)}.",
                    service.ProductUid);
            return asked.Select(t => t.ToUpperInvariant()).Distinct().ToList();
        }

        /// <summary>
        /// Runs <paramref name="read"/> for each item, <see cref="Concurrency"/> at once, and calls <paramref name="done"/>
        /// (or <paramref name="failed"/> for a per-item failure) in the order of <paramref name="items"/>.
        /// </summary>
        public static async Task ReadAllAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> read,
            Action<TItem, TResult> done, Action<TItem, MegaportException> failed, Action<int, int>? progress, CallContext ctx)
        {
            using var gate = new SemaphoreSlim(Concurrency);
            var finished = 0;
            var tasks = items.Select(async item =>
            {
                await gate.WaitAsync(ctx.Token).ConfigureAwait(false);
                try { return await read(item).ConfigureAwait(false); }
                finally
                {
                    gate.Release();
                    progress?.Invoke(Interlocked.Increment(ref finished), items.Count);
                }
            }).ToList();
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    TResult result;
                    try { result = await tasks[i].ConfigureAwait(false); }
                    catch (MegaportException ex) when (ex.IsItemFailure)
                    {
                        failed(items[i], ex);
                        continue;
                    }
                    done(items[i], result);
                }
            }
            finally
            {
                // A failure that stops everything (or Ctrl+C) still waits for the reads in flight, so none outlives the command.
                try { await Task.WhenAll(tasks).ConfigureAwait(false); }
                catch (Exception) when (ctx.Token.IsCancellationRequested || tasks.Any(t => t.IsFaulted)) { }
            }
        }

        /// <summary>
        /// Reads started one at a time as their items become known (a listing still streaming in), <see cref="Concurrency"/>
        /// in flight at once, with progress over the reads started so far.
        /// </summary>
        internal sealed class Gated
        {
            readonly SemaphoreSlim _gate = new(Concurrency);
            readonly List<Task> _started = new();
            readonly CallContext _ctx;
            readonly Action<int, int> _progress;
            int _finished;

            public Gated(CallContext ctx, Action<int, int> progress) { _ctx = ctx; _progress = progress; }

            public Task<TResult> Start<TResult>(Func<Task<TResult>> read)
            {
                var task = RunAsync(read);
                lock (_started) _started.Add(task);
                return task;
            }

            async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> read)
            {
                await _gate.WaitAsync(_ctx.Token).ConfigureAwait(false);
                try { return await read().ConfigureAwait(false); }
                finally
                {
                    _gate.Release();
                    int total;
                    lock (_started) total = _started.Count;
                    _progress(Interlocked.Increment(ref _finished), total);
                }
            }

            /// <summary>Waits for every read started; their failures are their callers' to see.</summary>
            public async Task DrainAsync()
            {
                Task[] all;
                lock (_started) all = _started.ToArray();
                try { await Task.WhenAll(all).ConfigureAwait(false); }
                catch (Exception) { }
            }
        }

        public static ProgressRecord Progress(string activity, int done, int total) =>
            new(ActivityId, activity, $"{done} of {total} services read")
            {
                PercentComplete = Math.Min(100, done * 100 / Math.Max(1, total)),
                RecordType = done >= total ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
    }
}
