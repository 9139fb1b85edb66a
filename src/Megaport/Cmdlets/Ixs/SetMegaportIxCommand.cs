using System;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
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

        internal override ProductDescriptor Product => Products.Products.Ix;

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

        internal override ServiceChange Describe(Service current, ChangeLines lines)
        {
            var ix = (Ix)current;
            var change = new IxChange();
            DescribeName(current, change, lines, Name);
            if (Given(nameof(RateLimit)))
            {
                if (ix.PortUid != null)
                {
                    var api = Api;
                    var port = Run(ctx => api.GetServiceAsync(ix.PortUid, ctx)) as Port;
                    if (port != null && RateLimit > port.Speed)
                        throw MegaportException.InvalidArgument($"-RateLimit {RateLimit} Mbps is more than the port '{port.Name}' can carry ({port.Speed} Mbps).", RateLimit);
                }
                change.RateLimit = RateLimit;
                lines.Add("RateLimit", ix.RateLimit, RateLimit);
            }
            DescribeCostCentre(current, change, lines, CostCentre);
            if (Given(nameof(Vlan))) { change.Vlan = Vlan; lines.Add("Vlan", ix.Vlan, Vlan); }
            if (Given(nameof(MacAddress))) { change.MacAddress = MacAddress; lines.Add("MacAddress", ix.MacAddress, MacAddress); }
            if (Given(nameof(Asn))) { change.Asn = Asn; lines.Add("Asn", ix.Asn, Asn); }
            if (Given(nameof(Password))) { change.Password = Password ?? ""; lines.Add("Password", "(hidden)", "(hidden)"); }
            if (Given(nameof(PublicGraph))) { change.PublicGraph = PublicGraph; lines.Add("PublicGraph", null, PublicGraph); }
            if (Given(nameof(ReverseDns))) { change.ReverseDns = ReverseDns ?? ""; lines.Add("ReverseDns", null, ReverseDns); }
            if (Given(nameof(Shutdown))) { change.Shutdown = Shutdown; lines.Add("Shutdown", ix.Shutdown, Shutdown); }
            return change;
        }
    }
}
