using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Route diagnostics of a NAT gateway are asynchronous: the request answers an operation id, and the operation is
    /// polled until it has routes, each handed out as the answer is read. The polls start at the client's first poll interval and slow down to its longest;
    /// a 429 (rate limit) the transport could not get past is waited out a few times more before giving up.
    /// </summary>
    internal static class NatGatewayRoutePoller
    {
        const int RateLimitedRounds = 3;

        public static async Task RunAsync(MegaportApi api, string uid, NatGatewayRoutes kind, string? ip, string? peer, string? direction,
            TimeSpan timeout, Action<object> onRoute, CallContext ctx)
        {
            var timings = api.Client.Timings;
            var deadline = DateTime.UtcNow + timeout;
            var limited = 0;
            var operation = await RateLimitedAsync(() => api.StartNatGatewayRoutesAsync(uid, kind, ip, peer, direction, ctx), timings, () => limited++, ctx).ConfigureAwait(false);
            ctx.Verbose?.Invoke($"NAT gateway {uid}: diagnostics operation {operation}.");
            var interval = timings.PollFirst;
            while (true)
            {
                await Task.Delay(interval, ctx.Token).ConfigureAwait(false);
                // A 429 comes before any route, so asking again never hands a route out twice.
                if (await RateLimitedAsync(() => api.StreamNatGatewayRoutesAsync(uid, operation, onRoute, ctx), timings, () => limited++, ctx).ConfigureAwait(false)) return;
                if (DateTime.UtcNow >= deadline)
                    throw new MegaportException(ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout,
                        $"NAT gateway {uid}: the diagnostics operation {operation} had no routes after {timeout}.", uid)
                    { RecommendedAction = "Try again with a longer -Timeout; a gateway without VXCs or BGP peers may have no such routes." };
                interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), timings.PollMax.Ticks));
            }

            async Task<T> RateLimitedAsync<T>(Func<Task<T>> call, Timings t, Func<int> count, CallContext c)
            {
                while (true)
                {
                    try { return await call().ConfigureAwait(false); }
                    catch (MegaportException ex) when (ex.ErrorId == ErrorIds.RateLimited && count() < RateLimitedRounds)
                    {
                        var wait = ex.RetryAfter ?? t.BackoffCap;
                        c.Verbose?.Invoke($"NAT gateway {uid}: diagnostics are rate-limited; waiting {wait.TotalSeconds:0.#} s.");
                        await t.Pause(wait, c.Token).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>Base of the route diagnostics cmdlets: the gateway and how long to wait for the answer.</summary>
    public abstract class NatGatewayRouteCmdlet : NatGatewayPartCmdlet
    {
        /// <summary>How long to wait for the routes: a TimeSpan or a number of minutes (default 1).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>An IPv4 address in full (four parts: the parser alone would take "10.0.0" as 10.0.0.0) or an IPv6 address.</summary>
        internal static void Address(string? value, string what)
        {
            if (value == null) return;
            var ok = IPAddress.TryParse(value, out var ip) &&
                     (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || value.Split('.').Length == 4);
            if (!ok) throw MegaportException.InvalidArgument($"-{what} '{value}' is not an IP address.", value);
        }

        internal void Emit<T>(NatGatewayRoutes kind, string? ip, string? peer, string? direction)
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            if (Timeout <= TimeSpan.Zero) throw MegaportException.InvalidArgument($"-Timeout {Timeout} must be longer than zero.", Timeout);
            var api = Api;
            var uid = ProductUid;
            var timeout = Timeout;
            Run(ctx => NatGatewayRoutePoller.RunAsync(api, uid, kind, ip, peer, direction, timeout, route => { if (route is T wanted) Emit(wanted); }, ctx));
        }
    }

    /// <summary>Get-MegaportNatGatewayRoute: a NAT gateway's IP routing table, or its BGP routes with -Bgp.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGatewayRoute")]
    [OutputType(typeof(NatGatewayIpRoute), typeof(NatGatewayBgpRoute))]
    public sealed class GetMegaportNatGatewayRouteCommand : NatGatewayRouteCmdlet
    {
        /// <summary>The BGP routes (with AS path, local preference, best path) instead of the IP routing table.</summary>
        [Parameter]
        public SwitchParameter Bgp { get; set; }

        /// <summary>Only the routes that cover this address.</summary>
        [Parameter]
        public string? IpAddress { get; set; }

        protected override void ProcessItem()
        {
            Address(IpAddress, nameof(IpAddress));
            if (Bgp) Emit<NatGatewayBgpRoute>(NatGatewayRoutes.Bgp, IpAddress, null, null);
            else Emit<NatGatewayIpRoute>(NatGatewayRoutes.Ip, IpAddress, null, null);
        }
    }

    /// <summary>Get-MegaportNatGatewayBgpNeighborRoute: the routes a NAT gateway receives from, or advertises to, one BGP peer.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGatewayBgpNeighborRoute")]
    [OutputType(typeof(NatGatewayBgpRoute))]
    public sealed class GetMegaportNatGatewayBgpNeighborRouteCommand : NatGatewayRouteCmdlet
    {
        /// <summary>The peer's IP address (a BGP connection on one of the gateway's VXCs).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("PeerIp")]
        public string PeerIpAddress { get; set; } = null!;

        /// <summary>Received (default): the routes the peer sends; Advertised: the routes the gateway sends it.</summary>
        [Parameter]
        [ValidateSet("Received", "Advertised", IgnoreCase = true)]
        public string Direction { get; set; } = "Received";

        protected override void ProcessItem()
        {
            if (string.IsNullOrWhiteSpace(PeerIpAddress)) throw MegaportException.InvalidArgument("-PeerIpAddress must not be empty.", PeerIpAddress);
            Address(PeerIpAddress, nameof(PeerIpAddress));
            Emit<NatGatewayBgpRoute>(NatGatewayRoutes.BgpNeighbor, null, PeerIpAddress, Direction.ToUpperInvariant());
        }
    }
}
