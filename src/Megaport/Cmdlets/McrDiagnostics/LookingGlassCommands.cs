using System;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Transformations;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportMcrRoute: an MCR's IP routing table, one object per route (an asynchronous job, polled; each route handed out as the answer is read).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMcrRoute")]
    [OutputType(typeof(McrRoute))]
    public sealed class GetMegaportMcrRouteCommand : McrQueryCmdlet
    {
        /// <summary>Only the routes learned this way.</summary>
        [Parameter]
        [ValidateSet("BGP", "STATIC", "CONNECTED", "LOCAL", IgnoreCase = true)]
        public string? Protocol { get; set; }

        /// <summary>Only the routes that match this address or prefix.</summary>
        [Parameter]
        [Alias("Prefix")]
        public string? IpAddress { get; set; }

        /// <summary>How long to wait for the table: a TimeSpan or a number of minutes (default 5).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan Timeout { get; set; } = McrDiagnostics.DefaultTimeout;

        internal override void CheckInput()
        {
            McrDiagnostics.AddressOrPrefix(IpAddress, nameof(IpAddress));
            McrDiagnostics.Timeout(Timeout);
        }

        internal override Task QueryAsync(MegaportApi api, Mcr mcr, CallContext ctx) =>
            api.StreamRoutesAsync(mcr, Protocol?.ToUpperInvariant(), IpAddress, McrDiagnostics.Poller(this, api, Timeout), Emit, ctx);
    }

    /// <summary>Get-MegaportMcrBgpRoute: an MCR's BGP table with the attributes of every path.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMcrBgpRoute")]
    [OutputType(typeof(McrBgpRoute))]
    public sealed class GetMegaportMcrBgpRouteCommand : McrQueryCmdlet
    {
        /// <summary>Only the routes that match this address or prefix.</summary>
        [Parameter]
        [Alias("Prefix")]
        public string? IpAddress { get; set; }

        internal override void CheckInput() => McrDiagnostics.AddressOrPrefix(IpAddress, nameof(IpAddress));

        internal override Task QueryAsync(MegaportApi api, Mcr mcr, CallContext ctx) => api.StreamBgpRoutesAsync(mcr, IpAddress, Emit, ctx);
    }

    /// <summary>Get-MegaportMcrBgpSession: an MCR's BGP sessions, their state and the VXC that carries each.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMcrBgpSession")]
    [OutputType(typeof(McrBgpSession))]
    public sealed class GetMegaportMcrBgpSessionCommand : McrQueryCmdlet
    {
        internal override Task QueryAsync(MegaportApi api, Mcr mcr, CallContext ctx) => api.StreamBgpSessionsAsync(mcr, Emit, ctx);
    }

    /// <summary>
    /// Get-MegaportMcrBgpNeighborRoute: the routes an MCR advertises to, or receives from, one BGP neighbor (an
    /// asynchronous job, polled). Sessions from Get-MegaportMcrBgpSession pipe in by ProductUid and SessionId.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMcrBgpNeighborRoute")]
    [OutputType(typeof(McrBgpNeighborRoute))]
    public sealed class GetMegaportMcrBgpNeighborRouteCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>The session, as Get-MegaportMcrBgpSession names it.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string SessionId { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 2)]
        [ValidateSet("Advertised", "Received", IgnoreCase = true)]
        public string Direction { get; set; } = null!;

        [Parameter]
        [Alias("Prefix")]
        public string? IpAddress { get; set; }

        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan Timeout { get; set; } = McrDiagnostics.DefaultTimeout;

        protected override void ProcessItem()
        {
            Ordering.Check.Uid(ProductUid, nameof(ProductUid));
            McrDiagnostics.SessionId(SessionId);
            McrDiagnostics.AddressOrPrefix(IpAddress, nameof(IpAddress));
            McrDiagnostics.Timeout(Timeout);
            var (uid, session, direction, api) = (ProductUid, SessionId, char.ToUpperInvariant(Direction[0]) + Direction.Substring(1).ToLowerInvariant(), Api);
            Run(async ctx =>
            {
                var mcr = await McrDiagnostics.ReadMcrAsync(api, uid, ctx).ConfigureAwait(false);
                await api.StreamNeighborRoutesAsync(mcr, session, direction, IpAddress, McrDiagnostics.Poller(this, api, Timeout), Emit, ctx).ConfigureAwait(false);
            });
        }
    }
}
