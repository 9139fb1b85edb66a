namespace Megaport.Simulator.State;

// Records every kind shares (statuses, locations, partner ports, keys, tags); each kind's service model lives in its
// room under Products/.

public static class ProvisioningStatus
{
    public const string Deployable = "DEPLOYABLE";
    public const string Configured = "CONFIGURED";
    public const string Live = "LIVE";
    public const string Cancelled = "CANCELLED";
    public const string Decommissioned = "DECOMMISSIONED";
    public const string Failed = "FAILED";

    /// <summary>A service that still exists on the network (can carry VXCs, hold VLANs, be ordered against).</summary>
    public static bool IsActive(string status) => status is Deployable or Configured or Live;
}

public sealed record Company(int Id, string Uid, string Name);

/// <summary>A customer company the partner manages; <see cref="AccountRef"/> is the partner's own reference for it (shown on invoices).</summary>
public sealed record ManagedCompany(Company Company, string AccountRef);

/// <summary>Capabilities of one diversity zone (red/blue) at a location.</summary>
public sealed record Zone(int[] PortSpeeds, int[] McrSpeeds, bool MveAvailable, int? MveMaxCpuCoreCount, int[] NatGatewaySpeeds);

public sealed class Location
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Metro { get; init; }
    public required string Market { get; init; }
    public required string Street { get; init; }
    public required string Suburb { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string Postcode { get; init; }
    public required string Country { get; init; }
    public required int DataCentreId { get; init; }
    public required string DataCentreName { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public string Status { get; init; } = "Active";
    public string? OrderingMessage { get; init; }
    public Zone? Red { get; init; }
    public Zone? Blue { get; init; }
    public bool CrossConnectAvailable { get; init; }

    public bool IsActive => Status == "Active";

    public IEnumerable<(string Name, Zone Zone)> Zones()
    {
        if (Red is not null) yield return ("red", Red);
        if (Blue is not null) yield return ("blue", Blue);
    }

    public Zone? ZoneByName(string name) =>
        name.Equals("red", StringComparison.OrdinalIgnoreCase) ? Red :
        name.Equals("blue", StringComparison.OrdinalIgnoreCase) ? Blue : null;
}

/// <summary>A port of another company that appears in the marketplace list (CSPs, Megaport Internet, partners).</summary>
public sealed class PartnerPort
{
    public required string ProductUid { get; init; }
    public required int ProductId { get; init; }
    public required Company Company { get; init; }
    public required string Title { get; init; }
    public required int LocationId { get; init; }
    public required string ConnectType { get; init; }
    public int Speed { get; init; } = 10000;
    public int MaxVxcSpeed { get; init; } = 10000;
    public bool VxcPermitted { get; init; } = true;
    public string? DiversityZone { get; init; }
    public int Rank { get; init; }

    /// <summary>Cloud ports connect without approval; other companies' own (DEFAULT) ports must approve each VXC.</summary>
    public bool NeedsApproval => ConnectType == "DEFAULT";
}

public sealed record ResourceTag(string Key, string Value);

/// <summary>A cloud-side key (Azure service key, Google pairing key, Oracle virtual circuit OCID) and its ports.</summary>
public sealed class CspKey
{
    public required string Provider { get; init; }   // azure | google | oracle
    public required string Key { get; init; }
    public required int Bandwidth { get; init; }
    public required List<(string PortUid, string Type)> Ports { get; init; }
    public List<(string Type, int PeerAsn, string PrimarySubnet, string SecondarySubnet, int Vlan)> Peers { get; init; } = new();
    public int Vlan { get; init; }
}

/// <summary>A Megaport service key (<c>/v2/service/key</c>) that lets a VXC land on the key owner's port.</summary>
public sealed class ServiceKey
{
    public required string Key { get; init; }
    public required Company Company { get; init; }
    public required string ProductUid { get; set; }
    public string Description { get; set; } = "";
    public int? Vlan { get; set; }
    public int MaxSpeed { get; set; }
    public bool PreApproved { get; set; }
    public bool SingleUse { get; set; }
    public bool Active { get; set; } = true;
    public long CreateDate { get; init; }
    public long? LastUsed { get; set; }
    public long? ValidFrom { get; set; }
    public long? ValidTo { get; set; }
    public string? PromoCode { get; set; }

    public bool Expired(long now) => ValidTo is long end && now > end;
    public bool Valid(long now) => Active && !Expired(now) && (ValidFrom is not long start || now >= start);
}
