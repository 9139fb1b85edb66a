using System;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Transformations;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>What ping and traceroute share: the destination, the source and the wait.</summary>
    public abstract class McrOperationCmdlet : McrQueryCmdlet
    {
        /// <summary>The address to reach (IPv4 or IPv6).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("DestinationAddress")]
        public string Destination { get; set; } = null!;

        /// <summary>One of the MCR's own interface addresses to send from; by default the MCR picks.</summary>
        [Parameter]
        [Alias("SourceAddress")]
        public string? Source { get; set; }

        /// <summary>How long to wait for the result: a TimeSpan or a number of minutes (default 5).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan Timeout { get; set; } = McrDiagnostics.DefaultTimeout;

        internal override void CheckInput()
        {
            McrDiagnostics.Address(Destination, nameof(Destination));
            McrDiagnostics.Address(Source, nameof(Source));
            McrDiagnostics.Timeout(Timeout);
        }
    }

    /// <summary>Test-MegaportMcrConnection: pings an address from an MCR; one result with the statistics per MCR.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "MegaportMcrConnection")]
    [OutputType(typeof(McrPingResult), typeof(bool))]
    public sealed class TestMegaportMcrConnectionCommand : McrOperationCmdlet
    {
        /// <summary>Echo requests to send, 1-60 (the API's default when not given).</summary>
        [Parameter]
        public int Count { get; set; }

        /// <summary>Bytes of data in each request, 1-9186 (the API's default when not given).</summary>
        [Parameter]
        [Alias("BufferSize")]
        public int Size { get; set; }

        /// <summary>Write $true when any reply came back, $false otherwise, instead of the result.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(Count))) McrDiagnostics.Range(Count, 1, 60, nameof(Count));
            if (Given(nameof(Size))) McrDiagnostics.Range(Size, 1, 9186, nameof(Size));
        }

        internal override async Task QueryAsync(MegaportApi api, Mcr mcr, CallContext ctx)
        {
            var result = await api.PingAsync(mcr, Destination, Source, Given(nameof(Count)) ? Count : null, Given(nameof(Size)) ? Size : null,
                McrDiagnostics.Poller(this, api, Timeout), ctx).ConfigureAwait(false);
            Emit(Quiet ? result.Reachable : result);
        }
    }

    /// <summary>Trace-MegaportMcrRoute: a traceroute from an MCR; one object per hop with its probes.</summary>
    [Cmdlet(VerbsDiagnostic.Trace, "MegaportMcrRoute")]
    [OutputType(typeof(McrTracerouteHop))]
    public sealed class TraceMegaportMcrRouteCommand : McrOperationCmdlet
    {
        internal override async Task QueryAsync(MegaportApi api, Mcr mcr, CallContext ctx)
        {
            var (hops, raw) = await api.TracerouteAsync(mcr, Destination, Source, McrDiagnostics.Poller(this, api, Timeout), ctx).ConfigureAwait(false);
            // The hops carry what scripts need; the MCR's own printout is there for -Verbose.
            if (raw != null) ctx.Verbose?.Invoke(raw);
            if (hops.Count == 0) Warn($"The traceroute to {Destination} from MCR '{mcr.Name}' returned no hops.");
            foreach (var hop in hops) Emit(hop);
        }
    }
}
