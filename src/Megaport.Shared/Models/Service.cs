using System;

namespace Megaport
{
    /// <summary>Any service on the account. Product types without a class of their own (e.g. MEGADIRECT) come out as this.</summary>
    public class Service
    {
        public string ProductUid { get; internal set; } = "";
        public int ProductId { get; internal set; }
        public string Name { get; internal set; } = "";
        /// <summary>The API's productType in upper case (MEGAPORT, VXC, IX, MCR2, MVE, ...).</summary>
        public string ProductType { get; internal set; } = "";
        public string? ProvisioningStatus { get; internal set; }
        public int? LocationId { get; internal set; }
        public string? LocationName { get; internal set; }
        /// <summary>Contract term in months.</summary>
        public int Term { get; internal set; }
        public DateTime? CreateDate { get; internal set; }
        public DateTime? LiveDate { get; internal set; }
        public DateTime? ContractEndDate { get; internal set; }
        public string? CompanyName { get; internal set; }
        public string? CompanyUid { get; internal set; }
        public string? CostCentre { get; internal set; }
        public string? SecondaryName { get; internal set; }
        public bool Locked { get; internal set; }
        public bool AdminLocked { get; internal set; }
        public bool Cancelable { get; internal set; }

        /// <summary>CONFIGURED or LIVE.</summary>
        public bool IsReady => ProvisioningStatus is ProvisioningStatuses.Configured or ProvisioningStatuses.Live;
        /// <summary>DECOMMISSIONED or CANCELLED.</summary>
        public bool IsInactive => ProvisioningStatus is ProvisioningStatuses.Decommissioned or ProvisioningStatuses.Cancelled;

        public override string ToString() => $"{Name} ({ProductType} {ProductUid})";
    }

    /// <summary>A service that sits at a location and can be the end of VXCs: a port, an MCR or an MVE.</summary>
    public abstract class LocatedService : Service
    {
        public string? Market { get; internal set; }
        /// <summary>red, blue, or null when the service has no zone.</summary>
        public string? DiversityZone { get; internal set; }
        public bool MarketplaceVisibility { get; internal set; }
        /// <summary>UIDs of the VXCs attached to this service.</summary>
        public string[] VxcUids { get; internal set; } = Array.Empty<string>();
    }

    /// <summary>The provisioning statuses the module acts on; any other value the API sends is kept as it is.</summary>
    internal static class ProvisioningStatuses
    {
        public const string Design = "DESIGN";
        public const string New = "NEW";
        public const string Deployable = "DEPLOYABLE";
        public const string Configured = "CONFIGURED";
        public const string Live = "LIVE";
        public const string Failed = "FAILED";
        public const string Cancelled = "CANCELLED";
        public const string Decommissioned = "DECOMMISSIONED";
    }

    /// <summary>The price of one order line, as the API's validate call returns it.</summary>
    public sealed class Quote
    {
        public string? ProductType { get; internal set; }
        public string? Name { get; internal set; }
        public string? Metro { get; internal set; }
        public decimal MonthlyRate { get; internal set; }
        public decimal MonthlySetup { get; internal set; }
        public decimal? MbpsRate { get; internal set; }
        public decimal? MonthlyRackRate { get; internal set; }
        public string? Currency { get; internal set; }

        public override string ToString() =>
            $"{MonthlyRate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Currency}/month" +
            (MonthlySetup != 0 ? $" + {MonthlySetup.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {Currency} setup" : "");
    }

    /// <summary>One resource tag of a service (Get-MegaportServiceTag).</summary>
    public sealed class ServiceTag
    {
        public string ProductUid { get; internal set; } = "";
        public string Key { get; internal set; } = "";
        public string Value { get; internal set; } = "";

        public override string ToString() => $"{Key}={Value}";
    }
}
