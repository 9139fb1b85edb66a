using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Ordering
{
    /// <summary>Naming a managed account: by company UID as is, by name against the partner's list (kept in the session).</summary>
    internal static class ManagedAccounts
    {
        /// <summary>How long a listed set of accounts answers name look-ups before it is read again.</summary>
        static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

        /// <summary>A company UID is a canonical UUID; anything else names an account.</summary>
        public static bool IsCompanyUid(string value) => Check.IsUid(value.Trim());

        /// <summary>Lists the accounts and keeps them in the session for name look-ups and tab completion.</summary>
        public static async Task<System.Collections.Generic.IReadOnlyList<ManagedAccount>> ListAsync(Session session, MegaportApi api, CallContext ctx)
        {
            var list = await api.GetManagedAccountsAsync(ctx).ConfigureAwait(false);
            lock (session.CacheLock) session.ManagedAccounts = new CachedList<ManagedAccount>(list);
            return list;
        }

        /// <summary>The account a name or UID names. A name is matched whole, ignoring case; the list is read once if it is not fresh.</summary>
        public static async Task<ManagedAccount> ResolveAsync(Session session, MegaportApi api, string nameOrUid, CallContext ctx)
        {
            var wanted = nameOrUid.Trim();
            CachedList<ManagedAccount>? cached;
            lock (session.CacheLock) cached = session.ManagedAccounts;
            var found = cached != null && cached.IsFresh(Lifetime) ? Find(cached.Items, wanted) : null;
            if (found != null) return found;
            var list = await ListAsync(session, api, ctx).ConfigureAwait(false);
            return Find(list, wanted) ?? throw NotFound(wanted, list.Count);
        }

        static ManagedAccount? Find(System.Collections.Generic.IReadOnlyList<ManagedAccount> list, string wanted) =>
            list.FirstOrDefault(a => a.CompanyUid.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(a => a.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));

        static MegaportException NotFound(string wanted, int count) =>
            new(ErrorIds.ManagedAccountNotFound, ErrorCategory.ObjectNotFound,
                count == 0 ? $"No managed account is named '{wanted}': this account manages none."
                           : $"No managed account is named '{wanted}'.", wanted)
            { RecommendedAction = "Get-MegaportManagedAccount lists the accounts you manage; -ManagedAccount takes a name, a company UID or an account object." };
    }
}
