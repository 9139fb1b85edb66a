using System.Text.Json.Nodes;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>
/// The demo account "Demo Networks Pty Ltd": ports (one LAG), an MCR (with a prefix list), an MVE, an IX, a legacy MegaDirect, a NAT
/// gateway (and a NAT gateway design) and VXCs of every interesting kind, plus the API quirks clients must survive (lower-case "megaport",
/// diversityZone null and "", csp_connection as object and as array, vll as [] when decommissioned).
/// </summary>
public static class DemoAccount
{
    private static readonly Company Demo = SeedIds.DemoCompany;
    // 2023-03-14T00:00:00Z; services went live three days after their order.
    private const long T0 = 1678752000000;
    private const long Day = 86_400_000;

    public static List<Service> Build(List<PartnerPort> partners)
    {
        var id = 150001;
        string Partner(string type, string metro, string zone) => SeedPartners.Uid(type, metro, zone);

        PortService Port(string uid, string name, int loc, string market, int speed, string? zone, long created, string? typeLabel = null) => new()
        {
            Uid = uid, ProductId = id++, Name = name, LocationId = loc, Market = market, Speed = speed, DiversityZone = zone,
            Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = created, LiveDate = created + 3 * Day,
            ContractStartDate = created + 3 * Day, Term = 12, TypeLabel = typeLabel, MarketplaceVisibility = false,
        };

        var sydPrimary = Port(SeedIds.SydneyPrimary, "Sydney Primary", 3, "AU", 10000, "red", T0);
        sydPrimary.CostCentre = "NET-OPS";
        sydPrimary.Tags = [new("env", "prod"), new("owner", "network-team")];
        // Some payloads say "megaport" in lower case, most "MEGAPORT". Clients must accept both.
        var sydSecondary = Port(SeedIds.SydneySecondary, "Sydney Secondary", 2, "AU", 10000, "blue", T0, typeLabel: "megaport");
        var melbourne = Port(SeedIds.MelbourneCore, "Melbourne Core", 10, "AU", 10000, null, T0 + 10 * Day);
        var losAngeles = Port(SeedIds.LosAngelesEdge, "Los Angeles Edge", 80, "US", 1000, "", T0 + 20 * Day);
        losAngeles.Term = 24;
        var lag1 = Port(SeedIds.LagPrimary, "Sydney LAG", 4, "AU", 10000, "red", T0 + 30 * Day);
        var lag2 = Port(SeedIds.LagMember, "Sydney LAG", 4, "AU", 10000, "red", T0 + 30 * Day);
        lag1.LagId = lag2.LagId = 52071;
        lag1.AggregationId = lag2.AggregationId = 52071;
        lag1.LagPrimary = true;
        lag1.Term = lag2.Term = 36;
        var oldPort = Port(SeedIds.DecommissionedPort, "Brisbane Old Port", 15, "AU", 1000, "red", T0 - 400 * Day);
        oldPort.Status = ProvisioningStatus.Decommissioned;
        oldPort.TerminateDate = T0 - 30 * Day;
        oldPort.Term = 1;

        var mcr = new McrService
        {
            Uid = SeedIds.SydneyMcr, ProductId = id++, Name = "Sydney MCR", LocationId = 2, Market = "AU", Speed = 5000,
            DiversityZone = "red", Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = T0 + 40 * Day,
            LiveDate = T0 + 41 * Day, ContractStartDate = T0 + 41 * Day, Term = 12, Asn = 133937,
            UsageAlgorithm = "POST_PAID_HOURLY_SPEED_MCR2", LastPrefixListId = SeedIds.SydneyMcrPrefixList,
        };
        mcr.PrefixLists.Add(new PrefixList
        {
            Id = SeedIds.SydneyMcrPrefixList, Description = "Azure VNets", AddressFamily = "IPv4",
            Entries =
            [
                new PrefixListEntry { Action = "permit", Prefix = "10.77.0.0/16", Ge = 16, Le = 24 }, // what Azure announces here
                new PrefixListEntry { Action = "permit", Prefix = "10.200.0.0/16", Le = 24 },
            ],
        });
        var mve = new MveService
        {
            Uid = SeedIds.SydneyMve, ProductId = id++, Name = "Sydney SD-WAN Edge", LocationId = 4, Market = "AU",
            Speed = 500, DiversityZone = "blue", Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = T0 + 50 * Day,
            LiveDate = T0 + 51 * Day, ContractStartDate = T0 + 51 * Day, Term = 12, Vendor = "CISCO", ProductSize = "SMALL",
            MveLabel = "MVE 2/8", ImageId = 92, ImageProduct = "C8000", ImageVersion = "17.16.01a", CpuCount = 2,
        };
        mve.Vnics.Add(new MveVnic { Description = "Data Plane", Vlan = 0 });
        mve.Vnics.Add(new MveVnic { Description = "Branch Overlay", Vlan = 1 });
        var megaDirect = new MegadirectService
        {
            Uid = SeedIds.MegaDirect, ProductId = id++, Name = "Legacy MegaDirect Sydney", LocationId = 2, Market = "AU",
            Speed = 1000, DiversityZone = null, Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = T0 - 900 * Day,
            LiveDate = T0 - 890 * Day, ContractStartDate = T0 - 890 * Day, Term = 36,
        };

        VxcService Vxc(string uid, string name, string aUid, int aVlan, string bUid, int bVlan, int rate, string band, long created) => new()
        {
            Uid = uid, ProductId = id++, Name = name, Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = created,
            LiveDate = created + Day, ContractStartDate = created + Day, Term = 12, RateLimit = rate, DistanceBand = band,
            A = new VxcEnd { ProductUid = aUid, Vlan = aVlan }, B = new VxcEnd { ProductUid = bUid, Vlan = bVlan },
        };

        var p2p = Vxc(SeedIds.VxcPortToPort, "Sydney Primary to Secondary", sydPrimary.Uid, 100, sydSecondary.Uid, 100, 1000, "METRO", T0 + 5 * Day);
        p2p.Tags = [new("env", "prod")];
        var awsVif = Vxc(SeedIds.VxcAwsHostedVif, "AWS prod private VIF", sydPrimary.Uid, 200, Partner("AWS", "Sydney", "red"), 0, 500, "METRO", T0 + 6 * Day);
        awsVif.BPartnerConfig = new JsonObject
        {
            ["connectType"] = "AWS", ["type"] = "private", ["ownerAccount"] = "123456789012", ["asn"] = 65010,
            ["amazonAsn"] = 64512, ["authKey"] = "", ["customerIpAddress"] = "169.254.100.1/30", ["amazonIpAddress"] = "169.254.100.2/30",
            ["name"] = "demo-prod-vif",
        };
        awsVif.CloudResourceId = "dxvif-fg5xk2ab";
        var awsHc = Vxc(SeedIds.VxcAwsHostedConnection, "AWS hosted connection", sydSecondary.Uid, 201, Partner("AWSHC", "Sydney", "blue"), 0, 1000, "METRO", T0 + 7 * Day);
        awsHc.BPartnerConfig = new JsonObject
        {
            ["connectType"] = "AWSHC", ["type"] = "private", ["ownerAccount"] = "123456789012", ["name"] = "demo-hosted-connection",
        };
        awsHc.CloudResourceId = "dxcon-ffz1q3r8";
        awsHc.CspAsArray = true; // the API sometimes wraps a single csp_connection in an array
        var mcrAzure = Vxc(SeedIds.VxcMcrAzure, "Sydney MCR to Azure", mcr.Uid, 10, Partner("AZURE", "Sydney", "red"), 0, 1000, "METRO", T0 + 42 * Day);
        mcrAzure.BPartnerConfig = new JsonObject
        {
            ["connectType"] = "AZURE", ["serviceKey"] = "5e0c8a4f-2b7d-4c1e-9a3f-6d8b0e2c4a17",
            ["peers"] = new JsonArray(new JsonObject
            {
                ["type"] = "private", ["peer_asn"] = "133937", ["primary_subnet"] = "10.200.0.0/30",
                ["secondary_subnet"] = "10.200.0.4/30", ["vlan"] = 100,
            }),
        };
        mcrAzure.APartnerConfig = new JsonObject
        {
            ["interfaces"] = new JsonArray(new JsonObject
            {
                ["ipAddresses"] = new JsonArray("10.200.0.1/30"),
                ["bgpConnections"] = new JsonArray(new JsonObject
                {
                    ["peerAsn"] = 12076, ["localIpAddress"] = "10.200.0.1", ["peerIpAddress"] = "10.200.0.2",
                    ["shutdown"] = false, ["bfdEnabled"] = false, ["importWhitelist"] = SeedIds.SydneyMcrPrefixList,
                }),
            }),
        };
        var lagInternet = Vxc(SeedIds.VxcLagInternet, "Sydney LAG Internet", lag1.Uid, 500, Partner("TRANSIT", "Sydney", "red"), 0, 2000, "METRO", T0 + 31 * Day);
        lagInternet.BPartnerConfig = new JsonObject { ["connectType"] = "TRANSIT" };
        var longHaul = Vxc(SeedIds.VxcLongHaul, "Los Angeles to Sydney", losAngeles.Uid, 1000, sydPrimary.Uid, 1000, 100, "INTERCAP", T0 + 21 * Day);
        var oldVxc = Vxc(SeedIds.VxcDecommissioned, "Brisbane to AWS (old)", oldPort.Uid, 100, Partner("AWS", "Brisbane", "red"), 0, 200, "METRO", T0 - 399 * Day);
        oldVxc.Status = ProvisioningStatus.Decommissioned;
        oldVxc.TerminateDate = T0 - 30 * Day;
        oldVxc.BPartnerConfig = new JsonObject { ["connectType"] = "AWS", ["type"] = "private", ["ownerAccount"] = "123456789012", ["asn"] = 65010 };
        var cancelled = Vxc(SeedIds.VxcCancelled, "Melbourne to Sydney (cancelled)", melbourne.Uid, 150, sydPrimary.Uid, 150, 500, "ZONE", T0 + 12 * Day);
        cancelled.Status = ProvisioningStatus.Cancelled;
        cancelled.StatusBeforeCancel = ProvisioningStatus.Live;

        var ix = new IxService
        {
            Uid = SeedIds.SydneyIx, ProductId = id++, Name = "Sydney IX peering", PortUid = sydPrimary.Uid, NetworkServiceType = "Sydney IX",
            Asn = 65010, MacAddress = "00:1c:73:00:52:01", RateLimit = 1000, Vlan = 300, Company = Demo, CreatedBy = SeedIds.DemoUser,
            CreateDate = T0 + 8 * Day, LiveDate = T0 + 9 * Day, ContractStartDate = T0 + 9 * Day, Term = 1,
            Ipv4Address = "103.26.68.141/23", Ipv6Address = "2001:dea:0:10::141/64", ReverseDns = "as65010.sydney.megaport.com.",
        };

        // A bought NAT gateway with a packet filter and a prefix list, a VXC from it to Sydney Primary (one interface with
        // a static route and a BGP peer, the filter on inbound packets), and a design that was never bought.
        var nat = new NatGatewayService
        {
            Uid = SeedIds.SydneyNatGateway, ProductId = id++, Name = "Sydney NAT Gateway", LocationId = 3, Market = "AU", Speed = 1000,
            SessionCount = 8000, DiversityZone = "red", Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = T0 + 70 * Day,
            LiveDate = T0 + 71 * Day, ContractStartDate = T0 + 71 * Day, Term = 12, Asn = 64512, AutoRenewTerm = true,
            ServiceLevelReference = "SLR-DEMO-1", Tags = [new("env", "prod")],
        };
        nat.PacketFilters.Add(new NatPacketFilter
        {
            Id = nat.TakeListId(), Description = "permit-https",
            Entries =
            [
                new NatPacketFilterEntry { Action = "permit", Description = "https in", SourceAddress = "0.0.0.0/0", DestinationAddress = "10.0.0.0/24", DestinationPorts = "443", IpProtocol = 6 },
                new NatPacketFilterEntry { Action = "deny", SourceAddress = "0.0.0.0/0", DestinationAddress = "0.0.0.0/0" },
            ],
        });
        nat.PrefixLists.Add(new PrefixList
        {
            Id = nat.TakeListId(), Description = "private-v4", AddressFamily = "IPv4",
            Entries = [new PrefixListEntry { Action = "permit", Prefix = "10.0.0.0/8", Ge = 24, Le = 32 }],
        });
        var natDesign = new NatGatewayService
        {
            Uid = SeedIds.MelbourneNatDesign, ProductId = id++, Name = "Melbourne NAT Gateway", LocationId = 10, Market = "AU", Speed = 2500,
            SessionCount = 16000, DiversityZone = "red", Company = Demo, CreatedBy = SeedIds.DemoUser, CreateDate = T0 + 80 * Day,
            Term = 1, Status = NatGatewayService.Design,
        };
        var natVxc = Vxc(SeedIds.VxcNatToPrimary, "Sydney NAT to Primary", nat.Uid, 100, sydPrimary.Uid, 410, 500, "METRO", T0 + 72 * Day);
        natVxc.APartnerConfig = new JsonObject
        {
            ["interfaces"] = new JsonArray(new JsonObject
            {
                ["ipAddresses"] = new JsonArray("10.0.0.1/30"),
                ["ipRoutes"] = new JsonArray(new JsonObject { ["prefix"] = "172.16.0.0/16", ["nextHop"] = "10.0.0.2", ["description"] = "office" }),
                ["bgpConnections"] = new JsonArray(new JsonObject
                {
                    ["peerAsn"] = 65000, ["localIpAddress"] = "10.0.0.1", ["peerIpAddress"] = "10.0.0.2", ["shutdown"] = false,
                    ["description"] = "primary-edge", ["peerType"] = "NON_CLOUD",
                }),
                ["packetFilterIn"] = 1,
            }),
        };

        return [sydPrimary, sydSecondary, melbourne, losAngeles, lag1, lag2, oldPort, mcr, mve, megaDirect,
                p2p, awsVif, awsHc, mcrAzure, lagInternet, longHaul, oldVxc, cancelled, ix, nat, natDesign, natVxc];
    }

    public static List<ServiceKey> BuildServiceKeys() =>
    [
        new ServiceKey
        {
            Key = SeedIds.ServiceKeySydneyPrimary, Company = Demo, ProductUid = SeedIds.SydneyPrimary,
            Description = "Partners connecting to Sydney Primary", MaxSpeed = 1000, PreApproved = true, SingleUse = false,
            CreateDate = T0 + 60 * Day,
        },
        new ServiceKey
        {
            Key = SeedIds.ServiceKeyLaSingleUse, Company = Demo, ProductUid = SeedIds.LosAngelesEdge,
            Description = "One-off customer hand-off in LA", MaxSpeed = 500, PreApproved = false, SingleUse = true, Vlan = 2500,
            CreateDate = T0 + 61 * Day,
        },
        // Keys other companies gave to the demo account: ordering with them lands on their ports.
        new ServiceKey
        {
            Key = SeedIds.ServiceKeyAcmeSydney, Company = SeedIds.Acme, ProductUid = SeedPartnerUid("partner/default/acme/sydney"),
            Description = "Acme Hosting customer key", MaxSpeed = 1000, PreApproved = false, SingleUse = false, CreateDate = T0,
        },
        new ServiceKey
        {
            Key = SeedIds.ServiceKeyAcmeLondonPreApproved, Company = SeedIds.Acme, ProductUid = SeedPartnerUid("partner/default/acme/london"),
            Description = "Acme Hosting London (pre-approved)", MaxSpeed = 10000, PreApproved = true, SingleUse = false, CreateDate = T0,
        },
    ];

    private static string SeedPartnerUid(string key) => SeedIds.Derive(key);
}
