using System;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>
    /// Polls one asynchronous API operation (a looking-glass job, a ping, a traceroute) until it has a result, with a
    /// progress bar and a deadline. Polls quickly at first, then backs off like the service waiter. A poll the API
    /// refuses for a while (429, 5xx, after the client's own retries) does not end the wait: the poller waits what
    /// the API asked for (Retry-After) and longer between polls, and tries again until the deadline.
    /// </summary>
    internal sealed class OperationPoller
    {
        const int ActivityId = 0x4D4C; // one progress bar for every operation of a command
        const string Activity = "Megaport MCR diagnostics";
        readonly Timings _timings;
        readonly TimeSpan _timeout;
        readonly Action<ProgressRecord>? _progress;

        public OperationPoller(Timings timings, TimeSpan timeout, Action<ProgressRecord>? progress)
        {
            _timings = timings;
            _timeout = timeout;
            _progress = progress;
        }

        /// <summary>
        /// Calls <paramref name="poll"/> until it returns a result. <paramref name="what"/> names the operation in the
        /// progress bar and in errors ("IP routes of MCR 'Sydney MCR' (job 42)"); the poll's status text says how far it is.
        /// </summary>
        public async Task<T> PollAsync<T>(string what, object? target, Func<CallContext, Task<(T? Result, string Status)>> poll, CallContext ctx)
            where T : class
        {
            var started = DateTime.UtcNow;
            var deadline = started + _timeout;
            var interval = _timings.PollFirst;
            var status = "started";
            try
            {
                while (true)
                {
                    var now = DateTime.UtcNow;
                    if (now >= deadline)
                        throw new MegaportException(ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout,
                            $"{what} did not finish within {_timeout} (last status: {status}).", target)
                        { RecommendedAction = "Run the command again with a longer -Timeout." };
                    _progress?.Invoke(new ProgressRecord(ActivityId, Activity, $"{what}: {status} - {(int)(now - started).TotalSeconds} s")
                    {
                        SecondsRemaining = (int)Math.Max(0, (deadline - now).TotalSeconds),
                    });
                    await Task.Delay(deadline - now < interval ? deadline - now : interval, ctx.Token).ConfigureAwait(false);
                    interval = Grow(interval, 1.5);
                    try
                    {
                        var (result, pollStatus) = await poll(ctx).ConfigureAwait(false);
                        if (result != null) return result;
                        status = pollStatus;
                    }
                    catch (MegaportException ex) when (ex.Transient)
                    {
                        // Rate limited or briefly unavailable beyond the client's retries: back off and keep polling.
                        status = $"{ex.RetryReason ?? "refused"}, polling again";
                        interval = Grow(interval, 2);
                        ctx.Verbose?.Invoke($"{what}: {ex.RetryReason}; waiting {(ex.RetryAfter ?? interval).TotalSeconds:0.0} s before polling again");
                        if (ex.RetryAfter is TimeSpan retryAfter && retryAfter > interval)
                            await _timings.Pause(Min(retryAfter - interval, deadline - DateTime.UtcNow), ctx.Token).ConfigureAwait(false);
                    }
                    catch (MegaportException ex) when (ex.StatusCode == 404)
                    {
                        throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                            $"{what}: the API no longer knows the operation (it may have expired): {ex.Message}", target, ex);
                    }
                }
            }
            finally
            {
                _progress?.Invoke(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        TimeSpan Grow(TimeSpan interval, double factor) => TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * factor), _timings.PollMax.Ticks));

        static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
