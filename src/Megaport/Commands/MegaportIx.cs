using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;
using Megaport.Infrastructure;

namespace Megaport.Commands
{
    /// <summary>New-MegaportIx: connects one of your ports to an internet exchange.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportIx", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ix))]
    public sealed class NewMegaportIxCommand : OrderCmdlet
    {
        /// <summary>The port the IX connection is on (binds ProductUid from the pipeline).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PortUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        /// <summary>The exchange, by the name Get-MegaportIxType shows (e.g. "Sydney IX").</summary>
        [Parameter(Mandatory = true)]
        [AllowEmptyString]
        public string NetworkServiceType { get; set; } = null!;

        /// <summary>Your ASN for the exchange's route servers.</summary>
        [Parameter(Mandatory = true)]
        public long Asn { get; set; }

        /// <summary>The MAC address of your router's interface facing the exchange.</summary>
        [Parameter(Mandatory = true)]
        [AllowEmptyString]
        public string MacAddress { get; set; } = null!;

        /// <summary>Rate limit in Mbps; at most the port's speed.</summary>
        [Parameter(Mandatory = true)]
        public int RateLimit { get; set; }

        /// <summary>VLAN on your port: 0 (default) lets Megaport choose, -1 is untagged, otherwise 2-4093.</summary>
        [Parameter]
        public int Vlan { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        IReadOnlyList<IxType>? _exchanges;

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            Check.Name(Name);
            Check.Text(NetworkServiceType, nameof(NetworkServiceType));
            Check.Asn(Asn, nameof(Asn));
            Check.MacAddress(MacAddress);
            Check.RateLimit(RateLimit);
            Check.Vlan(Vlan, nameof(Vlan));
            Check.Text(PromoCode, nameof(PromoCode));
            if (string.IsNullOrWhiteSpace(NetworkServiceType)) throw MegaportException.InvalidArgument("-NetworkServiceType must not be empty.", NetworkServiceType);

            var api = Api;
            Service port;
            try { port = Run(ctx => api.GetServiceAsync(ProductUid, ctx)); }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
            {
                throw MegaportException.InvalidArgument($"{ProductUid} is not a port on this account.", ProductUid);
            }
            if (port is not Port p || p.IsInactive)
                throw MegaportException.InvalidArgument($"'{port.Name}' ({ProductUid}) is a {port.ProvisioningStatus} {port.ProductType}; an IX connection needs an active port.", ProductUid);
            if (RateLimit > p.Speed)
                throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the port '{p.Name}' can carry ({p.Speed} Mbps).", RateLimit);

            _exchanges ??= Run(ctx => api.GetIxTypesAsync(ctx));
            var exchange = _exchanges.FirstOrDefault(x => string.Equals(x.Name, NetworkServiceType, StringComparison.OrdinalIgnoreCase))
                ?? throw MegaportException.InvalidArgument($"'{NetworkServiceType}' is not an exchange Megaport offers; Get-MegaportIxType lists them.", NetworkServiceType);

            Order(OrderBuilder.Ix(p.ProductUid, p.Name, Name, exchange.Name, Asn, MacAddress, RateLimit, Vlan, false, PromoCode));
        }
    }

    /// <summary>Set-MegaportIx: changes an IX connection (name, rate limit, VLAN, MAC address, ASN, BGP password, ...).</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportIx", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ix))]
    public sealed class SetMegaportIxCommand : SetServiceCmdlet
    {
        [Parameter]
        [AllowEmptyString]
        public string? Name { get; set; }

        /// <summary>New rate limit in Mbps; at most the port's speed.</summary>
        [Parameter]
        public int RateLimit { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        /// <summary>New VLAN: 2-4093, or -1 for untagged.</summary>
        [Parameter]
        public int Vlan { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? MacAddress { get; set; }

        [Parameter]
        public long Asn { get; set; }

        /// <summary>BGP password for the exchange's route servers.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Password { get; set; }

        /// <summary>Show the connection in the exchange's public graphs.</summary>
        [Parameter]
        public bool PublicGraph { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? ReverseDns { get; set; }

        /// <summary>Shut the connection down ($true) or bring it back up ($false).</summary>
        [Parameter]
        public bool Shutdown { get; set; }

        internal override string Noun => "IX";
        internal override bool Accepts(Service service) => service is Ix;

        internal override void CheckInput()
        {
            base.CheckInput();
            if (Given(nameof(RateLimit))) Check.RateLimit(RateLimit);
            if (Given(nameof(Vlan)))
            {
                if (Vlan == 0) throw MegaportException.InvalidArgument("-Vlan 0 cannot be set on an existing IX; give 2-4093 or -1.", Vlan);
                Check.Vlan(Vlan, nameof(Vlan));
            }
            if (Given(nameof(MacAddress))) Check.MacAddress(MacAddress!);
            if (Given(nameof(Asn))) Check.Asn(Asn, nameof(Asn));
            if (Given(nameof(Password))) Check.Text(Password, nameof(Password));
            if (Given(nameof(ReverseDns))) Check.Text(ReverseDns, nameof(ReverseDns));
        }

        internal override void Describe(Service current, Changes changes)
        {
            var ix = (Ix)current;
            AddName(current, changes, Name);
            if (Given(nameof(RateLimit)))
            {
                if (ix.PortUid != null)
                {
                    var api = Api;
                    var port = Run(ctx => api.GetServiceAsync(ix.PortUid, ctx)) as Port;
                    if (port != null && RateLimit > port.Speed)
                        throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the port '{port.Name}' can carry ({port.Speed} Mbps).", RateLimit);
                }
                changes.Add("rateLimit", RateLimit, "RateLimit", ix.RateLimit, RateLimit);
            }
            AddCostCentre(current, changes, CostCentre);
            if (Given(nameof(Vlan))) changes.Add("vlan", Vlan, "Vlan", ix.Vlan, Vlan);
            if (Given(nameof(MacAddress))) changes.Add("macAddress", MacAddress, "MacAddress", ix.MacAddress, MacAddress);
            if (Given(nameof(Asn))) changes.Add("asn", Asn, "Asn", ix.Asn, Asn);
            if (Given(nameof(Password))) changes.Add("password", Password ?? "", "Password", "(hidden)", "(hidden)");
            if (Given(nameof(PublicGraph))) changes.Add("publicGraph", PublicGraph, "PublicGraph", null, PublicGraph);
            if (Given(nameof(ReverseDns))) changes.Add("reverseDns", ReverseDns ?? "", "ReverseDns", null, ReverseDns);
            if (Given(nameof(Shutdown))) changes.Add("shutdown", Shutdown, "Shutdown", ix.Shutdown, Shutdown);
        }
    }
}
