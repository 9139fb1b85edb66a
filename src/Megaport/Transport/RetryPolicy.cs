using System;
using System.Threading.Tasks;
using Megaport.Errors;

namespace Megaport.Transport
{
    /// <summary>How a request may be retried (the official CLI's policy is the baseline).</summary>
    internal enum RetryKind
    {
        /// <summary>No side effects (GET, validate): retry 429, 502-504, network failures, timeouts, malformed bodies.</summary>
        Read,
        /// <summary>Has side effects (buy, PUT, actions): retry only 429 and a connection refused before anything was sent.</summary>
        Write,
    }

    /// <summary>Retries with exponential backoff and jitter, or the server's Retry-After, up to <see cref="MaxRetries"/> times.</summary>
    internal sealed class RetryPolicy
    {
        public const int MaxRetries = 3;
        [ThreadStatic] static Random? _random;
        readonly Timings _timings;

        public RetryPolicy(Timings timings) => _timings = timings;

        public async Task<T> RunAsync<T>(string method, string path, RetryKind kind, CallContext ctx, Func<Task<T>> attempt)
        {
            for (var retry = 0; ; retry++)
            {
                try
                {
                    return await attempt().ConfigureAwait(false);
                }
                catch (MegaportException ex) when (retry < MaxRetries && ShouldRetry(ex, kind))
                {
                    var delay = ex.RetryAfter ?? Backoff(retry);
                    if (delay > _timings.BackoffCap) delay = _timings.BackoffCap;
                    ctx.Verbose?.Invoke($"{method} {path}: {ex.RetryReason}; retry {retry + 1} of {MaxRetries} in {delay.TotalSeconds:0.0} s");
                    await _timings.Pause(delay, ctx.Token).ConfigureAwait(false);
                }
            }
        }

        static bool ShouldRetry(MegaportException ex, RetryKind kind) =>
            kind == RetryKind.Read ? ex.Transient : ex.StatusCode == 429 || ex.ConnectionRefused;

        TimeSpan Backoff(int retry)
        {
            var random = _random ??= new Random(Guid.NewGuid().GetHashCode());
            var exponential = _timings.BackoffBase.TotalMilliseconds * Math.Pow(2, retry);
            var jittered = exponential * (0.8 + 0.4 * random.NextDouble());
            return TimeSpan.FromMilliseconds(Math.Min(jittered, _timings.BackoffCap.TotalMilliseconds));
        }
    }
}
