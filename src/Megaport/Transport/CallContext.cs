using System;
using System.Threading;

namespace Megaport.Transport
{
    /// <summary>Per-call plumbing: the caller's cancellation, where its -Verbose lines go, and whom it acts for.</summary>
    internal sealed class CallContext
    {
        public CallContext(CancellationToken token, Action<string>? verbose = null, string? managedAccountUid = null)
        {
            Token = token;
            Verbose = verbose;
            ManagedAccountUid = managedAccountUid;
        }

        public CancellationToken Token { get; }
        public Action<string>? Verbose { get; }

        /// <summary>The managed company this call acts for (-ManagedAccount); null leaves it to the session.</summary>
        public string? ManagedAccountUid { get; }

        public static CallContext None => new(CancellationToken.None);
    }
}
