using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Completers;
using Megaport.Transformations;

namespace Megaport.Cmdlets
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

            var line = new IxOrder(p.ProductUid, new IxOrderDetail
            {
                Name = Name,
                NetworkServiceType = exchange.Name,
                Asn = Asn,
                MacAddress = MacAddress,
                RateLimit = RateLimit,
                Vlan = Vlan,
                Shutdown = false,
                PromoCode = string.IsNullOrEmpty(PromoCode) ? null : PromoCode,
            });
            Order(new OrderItem(Products.Products.Ix, Name, line, $"IX '{Name}' on {exchange.Name} ({RateLimit} Mbps, ASN {Asn}, VLAN {Vlan}) from {p.Name}"));
        }
    }
}
