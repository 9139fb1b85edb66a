using System;
using System.Threading;

namespace Megaport.Transport
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
}
