using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// New-MegaportNatGateway: orders a NAT gateway. The gateway is priced first (nothing is created), the price is
    /// confirmed, and only then is its design created, validated by the API and bought; -WhatIf stops at the price and
    /// leaves nothing behind.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MegaportNatGateway", DefaultParameterSetName = ByLocationId, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NatGateway))]
    public sealed class NewMegaportNatGatewayCommand : LocatedOrderCmdlet
    {
        /// <summary>Speed in Mbps, one the session matrix offers (Get-MegaportNatGatewaySession).</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(NatGatewaySpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>Concurrent NAT sessions, one offered at -Speed; the smallest offered when not given.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NatGatewaySessionCountCompleter))]
        public int SessionCount { get; set; }

        /// <summary>The gateway's BGP ASN; Megaport's default when not given.</summary>
        [Parameter]
        public long Asn { get; set; }

        /// <summary>Renew the contract automatically at the end of its term.</summary>
        [Parameter]
        public SwitchParameter AutoRenewTerm { get; set; }

        /// <summary>Your own reference for the service level (shown on the service and invoices).</summary>
        [Parameter]
        public string? ServiceLevelReference { get; set; }

        protected override void ProcessItem()
        {
            var tags = CheckShared();
            if (Speed <= 0) throw MegaportException.InvalidArgument($"-Speed {Speed} must be a positive number of Mbps.", Speed);
            if (Given(nameof(SessionCount)) && SessionCount <= 0)
                throw MegaportException.InvalidArgument($"-SessionCount {SessionCount} must be a positive number of sessions.", SessionCount);
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
            Check.Text(ServiceLevelReference, nameof(ServiceLevelReference));

            var session = CurrentSession;
            var api = Api;
            var matrix = Run(ctx => NatGatewaySessions.GetAsync(session, api, false, ctx));
            var sessions = NatGatewaySessions.Resolve(matrix, Speed, Given(nameof(SessionCount)) ? SessionCount : null);
            var location = ResolveLocation();
            var design = new NatGatewaySpec
            {
                ProductName = Name,
                LocationId = location.Id,
                Speed = Speed,
                Term = Term,
                AutoRenewTerm = AutoRenewTerm,
                Config = new NatGatewayConfig { Asn = Given(nameof(Asn)) ? Asn : null, DiversityZone = Zone, SessionCount = sessions },
                CostCentre = string.IsNullOrEmpty(CostCentre) ? null : CostCentre,
                PromoCode = string.IsNullOrEmpty(PromoCode) ? null : PromoCode,
                Tags = tags,
                ServiceLevelReference = string.IsNullOrEmpty(ServiceLevelReference) ? null : ServiceLevelReference,
            };
            var asn = Given(nameof(Asn)) ? $", ASN {Asn.ToString(CultureInfo.InvariantCulture)}" : "";
            Order(new OrderItem(Products.Products.NatGateway, Name, design.AsLine(),
                $"NAT gateway '{Name}' ({Speed} Mbps, {sessions} sessions{asn}) {Where(location)}", design: design));
        }
    }

    /// <summary>Get-MegaportNatGateway: the NAT gateways on the account (designs included), or the ones named by UID.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGateway", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(NatGateway))]
    public sealed class GetMegaportNatGatewayCommand : MegaportApiCmdlet
    {
        const string ListSet = "List";
        const string UidSet = "ByUid";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? Name { get; set; }

        /// <summary>Also DECOMMISSIONED and CANCELLED gateways (always shown when asked for by UID).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void Process()
        {
            if (ParameterSetName != UidSet) return;
            ForEachProductUid(ProductUid, (api, uid, ctx) => api.GetNatGatewayAsync(uid, ctx), (_, gateway) => WriteObject(Named(gateway)));
        }

        protected override void End()
        {
            if (ParameterSetName != ListSet) return;
            var api = Api;
            var name = Wildcards.Pattern(Name);
            var all = Run(ctx => api.GetNatGatewaysAsync(ctx));
            WriteObject(all.Where(g => (IncludeInactive || !g.IsInactive) && (name == null || name.IsMatch(g.Name))).Select(Named), enumerateCollection: true);
        }

        /// <summary>These reads name no location: take its name from the session's location cache when it is there.</summary>
        NatGateway Named(NatGateway gateway)
        {
            if (gateway.LocationName == null && CurrentSession.Locations?.Items.FirstOrDefault(l => l.Id == gateway.LocationId) is Location l)
                gateway.LocationName = l.Name;
            return gateway;
        }
    }
}
