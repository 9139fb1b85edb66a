using System;
using System.Threading;

namespace Megaport.Client
{
    /// <summary>Per-call plumbing: the caller's cancellation and where its -Verbose lines go.</summary>
    internal sealed class CallContext
    {
        public CallContext(CancellationToken token, Action<string>? verbose = null)
        {
            Token = token;
            Verbose = verbose;
        }

        public CancellationToken Token { get; }
        public Action<string>? Verbose { get; }

        public static CallContext None => new(CancellationToken.None);
    }

    /// <summary>How a request may be retried (research §2.2; the official CLI's policy is the baseline).</summary>
    internal enum RetryKind
    {
        /// <summary>No side effects (GET, validate): retry 429, 502-504, network failures, timeouts, malformed bodies.</summary>
        Read,
        /// <summary>Has side effects (buy, PUT, actions): retry only 429 and a connection refused before anything was sent.</summary>
        Write,
    }
}
