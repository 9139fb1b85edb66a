using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Get-MegaportPrice: what a port, MCR, MVE, VXC or IX would cost, from the pricebook, without ordering anything.
    /// The answer is the same Megaport.Quote an order's -WhatIf prices. Locations pipe in by Id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportPrice", DefaultParameterSetName = "Port")]
    [OutputType(typeof(Quote))]
    public sealed class GetMegaportPriceCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = "Port")] public SwitchParameter Port { get; set; }
        [Parameter(Mandatory = true, ParameterSetName = "Mcr")] public SwitchParameter Mcr { get; set; }
        [Parameter(Mandatory = true, ParameterSetName = "Mve")] public SwitchParameter Mve { get; set; }
        [Parameter(Mandatory = true, ParameterSetName = "Vxc")] public SwitchParameter Vxc { get; set; }
        [Parameter(Mandatory = true, ParameterSetName = "Ix")] public SwitchParameter Ix { get; set; }

        /// <summary>
        /// Where: the location of the port, MCR or MVE, the A-End of a VXC, or the port of an IX - a location's exact
        /// name, its id, or a Megaport.Location (or anything with a LocationId).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "LocationId")]
        [LocationTransformation]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string Location { get; set; } = null!;

        /// <summary>The B-End's location (a VXC): a name, an id or a location object.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Vxc")]
        [Alias("BEndLocationId")]
        [LocationTransformation]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string BEndLocation { get; set; } = null!;

        /// <summary>Port or MCR speed in Mbps.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Port")]
        [Parameter(Mandatory = true, ParameterSetName = "Mcr")]
        [ArgumentCompleter(typeof(SpeedCompleter))]
        public int Speed { get; set; }

        /// <summary>VXC or IX rate limit in Mbps.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Vxc")]
        [Parameter(Mandatory = true, ParameterSetName = "Ix")]
        public int RateLimit { get; set; }

        /// <summary>Contract term in months (1, 12, 24, 36, 48, 60); without it the API prices its default term.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        [Parameter(ParameterSetName = "Mcr")]
        public int IpsecTunnelCount { get; set; }

        /// <summary>SMALL, MEDIUM, LARGE or X_LARGE_12.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Mve")]
        [AllowEmptyString]
        public string Size { get; set; } = null!;

        [Parameter(ParameterSetName = "Mve")]
        public string? MveLabel { get; set; }

        /// <summary>What the VXC starts from: Port (default), Mcr or Mve.</summary>
        [Parameter(ParameterSetName = "Vxc")]
        [ValidateSet("Port", "Mcr", "Mve", IgnoreCase = true)]
        public string? AEndProductType { get; set; }

        /// <summary>The kind of B-End, when it is a cloud or partner port.</summary>
        [Parameter(ParameterSetName = "Vxc")]
        [ValidateSet("AWS", "AWSHC", "AZURE", "GOOGLE", "ORACLE", "IBM", "TRANSIT", "DEFAULT", IgnoreCase = true)]
        public string? ConnectType { get; set; }

        /// <summary>The exchange, as Get-MegaportIxType names it ("Sydney IX").</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Ix")]
        [Alias("NetworkServiceType")]
        [AllowEmptyString]
        public string IxType { get; set; } = null!;

        IReadOnlyList<IxType>? _exchanges;

        protected override void ProcessItem()
        {
            int? term = Given(nameof(Term)) ? Term : null;
            if (term is int t) Check.Term(t);
            var session = CurrentSession;
            var api = Api;
            var locations = Run(ctx => CatalogueCache.LocationsAsync(session, api, false, ctx));
            var location = LocationRules.Single(locations, Location);
            var months = term is int m ? ", " + OrderItem.Months(m) : "";
            PriceRequest request;
            string name;
            switch (ParameterSetName)
            {
                case "Port":
                    LocationRules.CheckSpeed(location, Products.Products.Port, Speed, null);
                    request = PriceRequest.Port(location.Id, Speed, term);
                    name = $"{Speed} Mbps port at {location.Name}{months}";
                    break;
                case "Mcr":
                    if (Given(nameof(IpsecTunnelCount)) && IpsecTunnelCount is not (10 or 20 or 30))
                        throw MegaportException.InvalidArgument($"-IpsecTunnelCount {IpsecTunnelCount} is not offered; use 10, 20 or 30.", IpsecTunnelCount);
                    LocationRules.CheckSpeed(location, Products.Products.Mcr, Speed, null);
                    request = PriceRequest.Mcr(location.Id, Speed, term, IpsecTunnelCount);
                    name = $"{Speed} Mbps MCR at {location.Name}{months}" + (IpsecTunnelCount > 0 ? $", {IpsecTunnelCount} IPsec tunnels" : "");
                    break;
                case "Mve":
                    var size = MveProduct.Sizes.FirstOrDefault(s => string.Equals(s, Size, StringComparison.OrdinalIgnoreCase))
                        ?? throw MegaportException.InvalidArgument($"-Size '{Size}' is not an MVE size; use {string.Join(", ", MveProduct.Sizes)}.", Size);
                    Check.Text(MveLabel, nameof(MveLabel));
                    if (!location.MveAvailable) throw MegaportException.InvalidArgument($"{location.Name} ({location.Id}) does not offer MVEs.", Location);
                    request = PriceRequest.Mve(location.Id, size, string.IsNullOrEmpty(MveLabel) ? null : MveLabel, term);
                    name = $"{size} MVE at {location.Name}{months}";
                    break;
                case "Vxc":
                    Check.RateLimit(RateLimit);
                    var bEnd = LocationRules.Single(locations, BEndLocation);
                    var aType = AEndProductType == null ? null : PriceRequest.ProductTypeOf(Products.Products.Named(AEndProductType)!.Name);
                    request = PriceRequest.Vxc(location.Id, bEnd.Id, RateLimit, term, aType, ConnectType?.ToUpperInvariant());
                    name = $"{RateLimit} Mbps VXC {location.Name} to {bEnd.Name}{months}";
                    break;
                case "Ix":
                    Check.RateLimit(RateLimit);
                    if (string.IsNullOrWhiteSpace(IxType)) throw MegaportException.InvalidArgument("-IxType must not be empty.", IxType);
                    Check.Text(IxType, nameof(IxType));
                    _exchanges ??= Run(ctx => api.GetIxTypesAsync(ctx));
                    var exchange = _exchanges.FirstOrDefault(x => string.Equals(x.Name, IxType, StringComparison.OrdinalIgnoreCase))
                        ?? throw MegaportException.InvalidArgument($"-IxType '{IxType}' is not an internet exchange; Get-MegaportIxType lists them.", IxType);
                    if (!string.Equals(exchange.Metro, location.Metro, StringComparison.OrdinalIgnoreCase))
                        throw MegaportException.InvalidArgument($"{exchange.Name} is in {exchange.Metro}, not at {location.Name} ({location.Metro}).", IxType);
                    request = PriceRequest.Ix(location.Id, exchange.Name, RateLimit, term);
                    name = $"{RateLimit} Mbps on {exchange.Name} at {location.Name}{months}";
                    break;
                default:
                    throw new InvalidOperationException($"Get-MegaportPrice has no parameter set '{ParameterSetName}'.");
            }
            WriteObject(Run(ctx => api.GetPriceAsync(request, name, location.Metro, ctx)));
        }
    }
}
