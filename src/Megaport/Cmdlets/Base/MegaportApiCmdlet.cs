using System.Management.Automation;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>Base of cmdlets that call the API: adds -Session and -ManagedAccount and resolves the runspace's session.</summary>
    public abstract class MegaportApiCmdlet : MegaportCmdlet
    {
        /// <summary>The session to use; defaults to this runspace's Connect-Megaport session.</summary>
        [Parameter]
        public Session? Session { get; set; }

        /// <summary>
        /// Acts for this managed company for this one call (a company UID, an account name, or a
        /// Megaport.ManagedAccount), whatever the session acts for.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ManagedAccountTransformation]
        [ArgumentCompleter(typeof(ManagedAccountCompleter))]
        public string? ManagedAccount { get; set; }

        Session? _resolved;
        string? _account;
        bool _resolvingAccount;

        /// <summary>The session in use, or a terminating MegaportNotConnected error.</summary>
        internal Session CurrentSession
        {
            get
            {
                if (_resolved != null) return _resolved;
                var session = Session ?? SessionStore.Current;
                if (session == null || session.Disposed)
                {
                    throw new MegaportException(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                        session == null ? "Not connected to Megaport. Run Connect-Megaport first." : "This Megaport session was disconnected. Run Connect-Megaport first.")
                    { RecommendedAction = "Run Connect-Megaport first." };
                }
                return _resolved = session!;
            }
        }

        internal MegaportApi Api => new((MegaportClient)CurrentSession.Connection);

        /// <summary>
        /// Reads each -ProductUid on its own: one that is not a UUID is refused without a request, and one the API does
        /// not know is an error for that UID only; the rest go on.
        /// </summary>
        internal void ForEachProductUid<T>(System.Collections.Generic.IEnumerable<string> uids, System.Func<MegaportApi, string, CallContext, System.Threading.Tasks.Task<T>> read, System.Action<string, T> use)
        {
            var api = Api;
            foreach (var uid in uids)
            {
                if (!Check.IsUid(uid))
                {
                    var hint = MyInvocation.MyCommand.Parameters.ContainsKey("Name") ? "; names and wildcards belong in -Name" : "";
                    WriteError(MegaportException.InvalidArgument($"'{uid}' is not a product UID (a UUID such as {Check.UidExample}{hint}).", uid));
                    continue;
                }
                try
                {
                    var item = Run(ctx => read(api, uid, ctx));
                    use(uid, item);
                }
                catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
                {
                    WriteError(ex);
                }
            }
        }

        /// <summary>
        /// The -ManagedAccount company UID for this call's requests; null leaves it to the session. A name is looked up
        /// once (the session keeps the list), with the session's own context, before the first request.
        /// </summary>
        internal override string? CallAccount
        {
            get
            {
                if (ManagedAccount == null || _resolvingAccount) return null;
                if (_account != null) return _account;
                if (ManagedAccounts.IsCompanyUid(ManagedAccount)) return _account = ManagedAccount.Trim();
                _resolvingAccount = true;
                try
                {
                    var session = CurrentSession;
                    var api = Api;
                    return _account = Run(ctx => ManagedAccounts.ResolveAsync(session, api, ManagedAccount, ctx)).CompanyUid;
                }
                finally { _resolvingAccount = false; }
            }
        }
    }
}
