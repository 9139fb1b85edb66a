using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

/// <summary>
/// One service of the account, any kind. Each kind subclasses this in its room (Products/&lt;Kind&gt;/) and registers
/// in <see cref="ProductRegistry"/>; the hooks below let the shared store work without knowing the kinds.
/// </summary>
public abstract class Service
{
    public required string Uid { get; init; }
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public string? SecondaryName { get; set; }
    /// <summary>The kind's registration; an unregistered subclass throws here.</summary>
    public ProductKind Descriptor => ProductRegistry.Default.Of(this);
    /// <summary>Canonical type: MEGAPORT, VXC, IX, MCR2, MVE, MEGADIRECT.</summary>
    public string Kind => Descriptor.Type;
    /// <summary>What <c>productType</c> renders as (the API is not consistent about case).</summary>
    public string? TypeLabel { get; set; }
    public string ProductTypeLabel => TypeLabel ?? Kind;

    public string Status { get; set; } = ProvisioningStatus.Live;
    /// <summary>Remembered by CANCEL so UN_CANCEL can restore it.</summary>
    public string? StatusBeforeCancel { get; set; }
    /// <summary>Set while the service walks DEPLOYABLE → CONFIGURED → LIVE (epoch ms of the order/approval).</summary>
    public long? ProvisionStartMs { get; set; }

    public long CreateDate { get; set; }
    public long? LiveDate { get; set; }
    public long? TerminateDate { get; set; }
    public long? ContractStartDate { get; set; }
    public int Term { get; set; } = 12;
    public string CostCentre { get; set; } = "";
    public bool Locked { get; set; }
    public bool AdminLocked { get; set; }
    public required Company Company { get; init; }
    public string CreatedBy { get; init; } = "";
    public List<ResourceTag> Tags { get; set; } = new();
    public string? PromoCode { get; set; }

    public bool IsActive => ProvisioningStatus.IsActive(Status);

    public long? ContractEndDate => ContractStartDate is long s
        ? DateTimeOffset.FromUnixTimeMilliseconds(s).AddMonths(Math.Max(Term, 1)).ToUnixTimeMilliseconds()
        : null;

    /// <summary>UIDs of the products this service hangs off (a VXC's ends, an IX's port); none for top-level products.</summary>
    public virtual IEnumerable<string> AttachedTo => [];

    /// <summary>VLANs this service holds on one of the products it hangs off.</summary>
    public virtual IEnumerable<int> VlansOn(string productUid) => [];

    /// <summary>What CANCEL_NOW decommissions together with this service's attachments (a LAG primary: every member).</summary>
    public virtual IEnumerable<Service> CancelledWith(SimulatorState state) => [this];

    /// <summary>
    /// A design: created ahead of its order and not yet bought (a NAT gateway in DESIGN). It is priced and bought by
    /// UID, or deleted; there is nothing on the network to cancel.
    /// </summary>
    public virtual bool IsDesign => false;

    /// <summary>Called when the admin endpoint forces a status (a VXC drops its pending approval).</summary>
    public virtual void OnStatusForced(string status) { }
}
