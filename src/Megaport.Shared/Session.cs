using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Megaport
{
    /// <summary>What a session needs from the connection living in the module assembly (which may sit in a private load context).</summary>
    internal interface ISessionConnection : IDisposable
    {
        DateTime? TokenExpiresAt { get; }
    }

    /// <summary>A connection to one Megaport environment, made by Connect-Megaport. Holds no secret that can be read back.</summary>
    public sealed class Session
    {
        internal Session(string environment, Uri baseUri, Uri tokenUri, string accessKey, TimeSpan timeout, ISessionConnection connection)
        {
            Environment = environment;
            BaseUri = baseUri;
            TokenUri = tokenUri;
            AccessKey = accessKey;
            Timeout = timeout;
            Connection = connection;
            ConnectedAt = DateTime.UtcNow;
        }

        /// <summary>Production, Staging, Development, or Custom (-BaseUri).</summary>
        public string Environment { get; }
        public Uri BaseUri { get; }
        public Uri TokenUri { get; }
        /// <summary>The API access key (the OAuth2 client id). The secret key is never kept in a readable form.</summary>
        public string AccessKey { get; }
        public TimeSpan Timeout { get; }
        public DateTime ConnectedAt { get; }
        public DateTime? TokenExpiresAt => Connection.TokenExpiresAt;
        public bool IsConnected => !Disposed;
        /// <summary>The managed company every call acts for (Connect-Megaport -ManagedAccount); null for the key's own company.</summary>
        public string? ManagedAccountUid { get; internal set; }
        /// <summary>Its name, when it was given by name or object (a UID alone is not looked up).</summary>
        public string? ManagedAccountName { get; internal set; }

        internal ISessionConnection Connection { get; }
        internal bool Disposed { get; private set; }
        /// <summary>Given to the caller (Connect-Megaport -PassThru): connecting again must not close it under them.</summary>
        internal bool HandedOut { get; set; }

        // Session caches: what completers read (never the network while typing) and what spares repeat calls.
        internal readonly object CacheLock = new();
        internal CachedList<Location>? Locations;
        internal CachedList<PartnerPort>? PartnerPorts;
        /// <summary>UID and name of the services seen by the last listing, for tab completion.</summary>
        internal CachedList<KeyValuePair<string, string>>? ServiceNames;
        /// <summary>The partner's managed accounts as last listed: names resolve against it, completers read it.</summary>
        internal CachedList<ManagedAccount>? ManagedAccounts;

        internal void Close()
        {
            if (Disposed) return;
            Disposed = true;
            Connection.Dispose();
        }

        public override string ToString() => $"Megaport {Environment} session ({BaseUri}) as {AccessKey}"
            + (ManagedAccountUid == null ? "" : $" for {ManagedAccountName ?? ManagedAccountUid}");
    }

    internal sealed class CachedList<T>
    {
        public CachedList(IReadOnlyList<T> items) { Items = items; FetchedAt = DateTime.UtcNow; }
        public IReadOnlyList<T> Items { get; }
        public DateTime FetchedAt { get; }
        public bool IsFresh(TimeSpan lifetime) => DateTime.UtcNow - FetchedAt < lifetime;
    }

    /// <summary>The default session of each runspace, so parallel runbooks and ForEach-Object -Parallel never share one by accident.</summary>
    internal static class SessionStore
    {
        sealed class Holder { public Session? Session; }
        static readonly ConditionalWeakTable<Runspace, Holder> Sessions = new();

        public static Session? Current
        {
            get
            {
                var rs = Runspace.DefaultRunspace;
                return rs != null && Sessions.TryGetValue(rs, out var h) ? h.Session : null;
            }
            set
            {
                var rs = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace on this thread.");
                Sessions.GetValue(rs, _ => new Holder()).Session = value;
            }
        }
    }
}
