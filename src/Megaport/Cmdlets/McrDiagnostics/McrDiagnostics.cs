using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Base of the looking-glass and diagnostics cmdlets that take one or more MCRs: each UID is read, refused
    /// unless it is an active MCR, then queried. Input the API would refuse is refused first, before any request.
    /// </summary>
    public abstract class McrQueryCmdlet : ServicesCmdlet
    {
        /// <summary>Checks the other parameters before any request (a failure is this pipeline item's error, as in the order cmdlets).</summary>
        internal virtual void CheckInput() { }

        /// <summary>Queries one MCR and emits what it finds.</summary>
        internal abstract Task QueryAsync(MegaportApi api, Mcr mcr, CallContext ctx);

        protected sealed override void ProcessItem()
        {
            CheckInput();
            Each(ProductUid, Query);
        }

        void Query(string uid)
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            Run(async ctx => await QueryAsync(api, await McrDiagnostics.ReadMcrAsync(api, uid, ctx).ConfigureAwait(false), ctx).ConfigureAwait(false));
        }
    }

    /// <summary>What the MCR diagnostics cmdlets share: reading the MCR, the poller, and the input rules.</summary>
    internal static class McrDiagnostics
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>The MCR behind <paramref name="uid"/>; any other kind of service, or an inactive MCR, is refused.</summary>
        public static async Task<Mcr> ReadMcrAsync(MegaportApi api, string uid, CallContext ctx)
        {
            var service = await api.GetServiceAsync(uid, ctx).ConfigureAwait(false);
            if (service is not Mcr mcr)
                throw MegaportException.InvalidArgument(
                    $"'{service.Name}' ({uid}) is a {service.ProductType}, not an MCR; the looking glass and diagnostics belong to MCRs.", uid);
            if (mcr.IsInactive)
                throw MegaportException.InvalidArgument($"MCR '{mcr.Name}' ({uid}) is {mcr.ProvisioningStatus}; it no longer routes anything.", uid);
            return mcr;
        }

        public static OperationPoller Poller(MegaportCmdlet cmdlet, MegaportApi api, TimeSpan timeout) => new(api.Client.Timings, timeout, cmdlet.Report);

        public static void Timeout(TimeSpan timeout)
        {
            if (timeout <= TimeSpan.Zero) throw MegaportException.InvalidArgument($"-Timeout {timeout} must be longer than zero.", timeout);
        }

        public static void Range(int value, int min, int max, string what)
        {
            if (value < min || value > max) throw MegaportException.InvalidArgument($"-{what} {value} is out of range: use {min}-{max}.", value);
        }

        public static void SessionId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) throw MegaportException.InvalidArgument("-SessionId must not be empty.", id);
            Check.Text(id, "SessionId", 128);
        }

        // Dotted-quad IPv4 only: IPAddress.TryParse would also take "10" or "10.1" as addresses.
        static readonly Regex Ipv4 = new(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$",
            RegexOptions.CultureInvariant);

        static IPAddress? Parse(string text)
        {
            if (Ipv4.IsMatch(text)) return IPAddress.Parse(text);
            return text.IndexOf(':') >= 0 && text.IndexOf('%') < 0 && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
        }

        /// <summary>An IPv4 or IPv6 address, without a prefix length.</summary>
        public static void Address(string? value, string what)
        {
            if (value == null) return;
            if (Parse(value) != null) return;
            var hint = value.IndexOf('/') >= 0 ? " (without a prefix length)" : "";
            throw MegaportException.InvalidArgument($"-{what} '{value}' is not an IPv4 or IPv6 address{hint}, such as 10.200.0.2.", value);
        }

        /// <summary>An address or a prefix (10.0.0.0/24): what the route filters take.</summary>
        public static void AddressOrPrefix(string? value, string what)
        {
            if (value == null) return;
            var parts = value.Split('/');
            var ip = Parse(parts[0]);
            if (ip != null && parts.Length == 1) return;
            var max = ip?.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
            if (ip != null && parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var len) && len <= max) return;
            throw MegaportException.InvalidArgument($"-{what} '{value}' is not an IP address or prefix, such as 10.200.0.2 or 10.0.0.0/24.", value);
        }
    }
}
