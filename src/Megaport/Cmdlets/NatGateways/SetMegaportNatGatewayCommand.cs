using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Set-MegaportNatGateway: changes a NAT gateway (a design or a bought one). The API takes the whole gateway, so
    /// every setting not given is sent as it is now; the confirmation lists only what changes, old -> new.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MegaportNatGateway", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NatGateway))]
    public sealed class SetMegaportNatGatewayCommand : SetServiceCmdlet
    {
        [Parameter]
        [AllowEmptyString]
        public string? Name { get; set; }

        /// <summary>New speed in Mbps; the session count must be offered at it (give -SessionCount when it is not).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NatGatewaySpeedCompleter))]
        public int Speed { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(NatGatewaySessionCountCompleter))]
        public int SessionCount { get; set; }

        /// <summary>New contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter]
        public bool AutoRenewTerm { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? ServiceLevelReference { get; set; }

        [Parameter]
        public long Asn { get; set; }

        bool _design;

        internal override ProductDescriptor Product => Products.Products.NatGateway;

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(Speed)) && Speed <= 0) throw MegaportException.InvalidArgument($"-Speed {Speed} must be a positive number of Mbps.", Speed);
            if (Given(nameof(SessionCount)) && SessionCount <= 0)
                throw MegaportException.InvalidArgument($"-SessionCount {SessionCount} must be a positive number of sessions.", SessionCount);
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
            Check.Text(ServiceLevelReference, nameof(ServiceLevelReference));
        }

        internal override ServiceChange Describe(Service current, ChangeLines lines)
        {
            var nat = (NatGateway)current;
            _design = nat.IsDesign;
            var speed = Given(nameof(Speed)) ? Speed : nat.Speed;
            var sessions = Given(nameof(SessionCount)) ? SessionCount : nat.SessionCount;
            if (Given(nameof(Speed)) || Given(nameof(SessionCount)))
            {
                var session = CurrentSession;
                var api = Api;
                var matrix = Run(ctx => NatGatewaySessions.GetAsync(session, api, false, ctx));
                if (!Given(nameof(SessionCount)) && matrix.FirstOrDefault(m => m.Speed == speed) is { } row && !row.SessionCounts.Contains(sessions))
                    throw MegaportException.InvalidArgument(
                        $"'{nat.Name}' has {sessions} sessions, which {speed} Mbps does not offer; give -SessionCount ({string.Join(", ", row.SessionCounts)}).", speed);
                sessions = NatGatewaySessions.Resolve(matrix, speed, sessions);
            }
            var spec = NatGatewaySpec.Of(nat);
            if (Given(nameof(Name))) spec.ProductName = Name!;
            spec.Speed = speed;
            if (Given(nameof(Term))) spec.Term = Term;
            if (Given(nameof(AutoRenewTerm))) spec.AutoRenewTerm = AutoRenewTerm;
            if (Given(nameof(Asn))) spec.Config.Asn = Asn;
            spec.Config.SessionCount = sessions;
            if (Given(nameof(CostCentre))) spec.CostCentre = CostCentre ?? "";
            if (Given(nameof(ServiceLevelReference))) spec.ServiceLevelReference = ServiceLevelReference ?? "";
            if (Given(nameof(Name))) lines.Add("Name", nat.Name, Name);
            if (Given(nameof(Speed))) lines.Add("Speed", nat.Speed, Speed);
            if (sessions != nat.SessionCount || Given(nameof(SessionCount))) lines.Add("SessionCount", nat.SessionCount, sessions);
            if (Given(nameof(Term))) lines.Add("Term", nat.Term, Term);
            if (Given(nameof(CostCentre))) lines.Add("CostCentre", nat.CostCentre, CostCentre);
            if (Given(nameof(AutoRenewTerm))) lines.Add("AutoRenewTerm", nat.AutoRenewTerm, AutoRenewTerm);
            if (Given(nameof(ServiceLevelReference))) lines.Add("ServiceLevelReference", nat.ServiceLevelReference, ServiceLevelReference);
            if (Given(nameof(Asn))) lines.Add("Asn", nat.Asn, Asn);
            return spec;
        }

        /// <summary>A design is not provisioned, so there is nothing to wait for after changing it.</summary>
        internal override bool WaitsAfterChange => !_design;
    }
}
