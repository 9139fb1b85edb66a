using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// The speed → session count matrix of NAT gateways: read once per session (it changes as rarely as the
    /// catalogues), checked locally before an order or a change, and offered by tab completion from that cache.
    /// </summary>
    internal static class NatGatewaySessions
    {
        static readonly ConditionalWeakTable<Session, CachedList<NatGatewaySession>> Cache = new();

        /// <summary>What this session has read, or null (completion never reads).</summary>
        public static IReadOnlyList<NatGatewaySession>? Cached(Session? session) =>
            session != null && Cache.TryGetValue(session, out var list) && list.IsFresh(CatalogueCache.Lifetime) ? list.Items : null;

        public static async Task<IReadOnlyList<NatGatewaySession>> GetAsync(Session session, MegaportApi api, bool force, CallContext ctx)
        {
            if (!force && Cached(session) is { } cached) return cached;
            var fresh = await api.GetNatGatewaySessionsAsync(ctx).ConfigureAwait(false);
            Cache.Remove(session);
            Cache.Add(session, new CachedList<NatGatewaySession>(fresh));
            return fresh;
        }

        /// <summary>
        /// The session count for <paramref name="speed"/>: <paramref name="requested"/> when the matrix offers it there,
        /// the smallest offered when none is asked for; otherwise MegaportInvalidArgument listing what is offered.
        /// </summary>
        public static int Resolve(IReadOnlyList<NatGatewaySession> matrix, int speed, int? requested)
        {
            var row = matrix.FirstOrDefault(m => m.Speed == speed)
                ?? throw MegaportException.InvalidArgument(
                    $"-Speed {speed} is not a NAT gateway speed; use one of {string.Join(", ", matrix.Select(m => m.Speed))} (Mbps).", speed);
            if (requested is not int count) return row.SessionCounts.Length > 0 ? row.SessionCounts[0] : 0;
            if (!row.SessionCounts.Contains(count))
                throw MegaportException.InvalidArgument(
                    $"-SessionCount {count} is not offered at {speed} Mbps; use one of {string.Join(", ", row.SessionCounts)} (Get-MegaportNatGatewaySession lists them all).", count);
            return count;
        }
    }

    /// <summary>Get-MegaportNatGatewaySession: the session counts a NAT gateway can have at each speed.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGatewaySession")]
    [OutputType(typeof(NatGatewaySession))]
    public sealed class GetMegaportNatGatewaySessionCommand : MegaportApiCmdlet
    {
        /// <summary>Only this speed (Mbps).</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(NatGatewaySpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>Read the matrix again instead of using this session's copy.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void End()
        {
            var session = CurrentSession;
            var api = Api;
            var matrix = Run(ctx => NatGatewaySessions.GetAsync(session, api, Force, ctx));
            var given = MyInvocation.BoundParameters.ContainsKey(nameof(Speed));
            if (given && matrix.All(m => m.Speed != Speed))
                throw MegaportException.InvalidArgument($"-Speed {Speed} is not a NAT gateway speed; use one of {string.Join(", ", matrix.Select(m => m.Speed))} (Mbps).", Speed);
            WriteObject(matrix.Where(m => !given || m.Speed == Speed), enumerateCollection: true);
        }
    }

    /// <summary>NAT gateway speeds (Mbps): from the session matrix this session has read, the standard ones otherwise.</summary>
    public sealed class NatGatewaySpeedCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var speeds = NatGatewaySessions.Cached(Completion.SessionOf(fakeBoundParameters))?.Select(m => m.Speed)
                ?? Products.NatGatewayProduct.Speeds;
            return Completion.Match(wordToComplete, speeds.Select(s => (s.ToString(CultureInfo.InvariantCulture), $"{s} Mbps", $"{s / 1000.0:0.#} Gbps")));
        }
    }

    /// <summary>Session counts offered at the -Speed already typed (any speed when none is), from the session's matrix.</summary>
    public sealed class NatGatewaySessionCountCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var matrix = NatGatewaySessions.Cached(Completion.SessionOf(fakeBoundParameters));
            if (matrix == null) return Enumerable.Empty<CompletionResult>();
            var typed = Convert.ToString(Completion.Bound(fakeBoundParameters, "Speed"), CultureInfo.InvariantCulture);
            var rows = int.TryParse(typed, out var speed) ? matrix.Where(m => m.Speed == speed) : matrix;
            return Completion.Match(wordToComplete, rows.SelectMany(m => m.SessionCounts.Select(c => (c, m.Speed))).GroupBy(x => x.c).Select(g =>
                (g.Key.ToString(CultureInfo.InvariantCulture), $"{g.Key} sessions", $"at {string.Join(", ", g.Select(x => x.Speed))} Mbps")));
        }
    }
}
