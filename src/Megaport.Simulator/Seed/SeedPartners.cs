using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>
/// The marketplace (<c>/v2/dropdowns/partner/megaports</c>): cloud on-ramps per metro (AWS hosted VIF and
/// hosted connection, Azure ExpressRoute, Google Interconnect, Oracle FastConnect, IBM Direct Link),
/// Megaport Internet (TRANSIT), and a few ordinary companies' ports (DEFAULT) whose VXCs need approval.
/// Red-zone ports sit at the metro's first site, blue-zone ports at its second.
/// </summary>
public static class SeedPartners
{
    private sealed record Metro(string Name, int RedLoc, int BlueLoc, string Aws, string? Azure, string? Google, string? Oracle, string? Ibm);

    private static readonly Metro[] Metros =
    [
        new("Sydney", 2, 4, "ap-southeast-2", "Sydney", "australia-southeast1", "ap-sydney-1", "syd"),
        new("Melbourne", 10, 11, "ap-southeast-4", "Melbourne", "australia-southeast2", "ap-melbourne-1", null),
        new("Brisbane", 15, 15, "ap-southeast-2", "Brisbane", null, null, null),
        new("Perth", 18, 18, "ap-southeast-2", null, null, null, null),
        new("Auckland", 20, 20, "ap-southeast-2", "Auckland", null, null, null),
        new("Singapore", 30, 31, "ap-southeast-1", "Singapore", "asia-southeast1", "ap-singapore-1", "sng"),
        new("Hong Kong", 40, 41, "ap-east-1", "Hong Kong", "asia-east2", null, null),
        new("Tokyo", 45, 46, "ap-northeast-1", "Tokyo", "asia-northeast1", "ap-tokyo-1", "tok"),
        new("London", 50, 51, "eu-west-2", "London", "europe-west2", "uk-london-1", "lon"),
        new("Frankfurt", 60, 61, "eu-central-1", "Frankfurt", "europe-west3", "eu-frankfurt-1", "fra"),
        new("Amsterdam", 65, 67, "eu-west-1", "Amsterdam", "europe-west4", "eu-amsterdam-1", "ams"),
        new("Ashburn", 70, 71, "us-east-1", "Washington DC", "us-east4", "us-ashburn-1", "wdc"),
        new("New York", 75, 76, "us-east-1", "New York", "us-east4", null, null),
        new("Los Angeles", 80, 81, "us-west-1", "Los Angeles", "us-west2", null, null),
        new("San Jose", 85, 86, "us-west-1", "Silicon Valley", "us-west1", "us-sanjose-1", "sjc"),
        new("Dallas", 88, 89, "us-east-2", "Dallas", "us-south1", null, "dal"),
        new("Chicago", 90, 90, "us-east-2", "Chicago", "us-central1", "us-chicago-1", null),
        new("Toronto", 93, 93, "ca-central-1", "Toronto", "northamerica-northeast2", "ca-toronto-1", "tor"),
        new("Sao Paulo", 96, 96, "sa-east-1", "Sao Paulo", "southamerica-east1", "sa-saopaulo-1", "sao"),
    ];

    /// <summary>Stable key of a partner port, used to derive its UID and to find it from seed code.</summary>
    public static string KeyOf(string connectType, string metro, string zone) => $"partner/{connectType}/{metro}/{zone}".ToLowerInvariant();

    public static List<PartnerPort> Build()
    {
        var list = new List<PartnerPort>();
        var nextId = 90001;
        var rank = 1;
        void Add(string key, Company company, string title, int loc, string type, string? zone, int speed, int maxVxc, bool permitted = true)
            => list.Add(new PartnerPort
            {
                ProductUid = SeedIds.Derive(key), ProductId = nextId++, Company = company, Title = title, LocationId = loc,
                ConnectType = type, DiversityZone = zone, Speed = speed, MaxVxcSpeed = maxVxc, VxcPermitted = permitted, Rank = rank++,
            });

        foreach (var m in Metros)
        {
            // Sydney's AWS on-ramps are all at Global Switch Sydney (id 3), in both zones.
            var awsRed = m.Name == "Sydney" ? 3 : m.RedLoc;
            var awsBlue = m.Name == "Sydney" ? 3 : m.BlueLoc;
            Add(KeyOf("AWS", m.Name, "red"), SeedIds.Aws, $"AWS Direct Connect ({m.Aws}) {m.Name}", awsRed, "AWS", "red", 10000, 5000);
            Add(KeyOf("AWS", m.Name, "blue"), SeedIds.Aws, $"AWS Direct Connect ({m.Aws}) {m.Name} 2", awsBlue, "AWS", "blue", 10000, 5000);
            Add(KeyOf("AWSHC", m.Name, "red"), SeedIds.Aws, $"AWS Hosted Connection ({m.Aws}) {m.Name}", awsRed, "AWSHC", "red", 100000, 10000);
            Add(KeyOf("AWSHC", m.Name, "blue"), SeedIds.Aws, $"AWS Hosted Connection ({m.Aws}) {m.Name} 2", awsBlue, "AWSHC", "blue", 100000, 10000);
            if (m.Azure is not null)
            {
                Add(KeyOf("AZURE", m.Name, "red"), SeedIds.Azure, $"Microsoft Azure ExpressRoute {m.Azure} Primary", m.RedLoc, "AZURE", "red", 100000, 10000);
                Add(KeyOf("AZURE", m.Name, "blue"), SeedIds.Azure, $"Microsoft Azure ExpressRoute {m.Azure} Secondary", m.BlueLoc, "AZURE", "blue", 100000, 10000);
            }
            if (m.Google is not null)
            {
                Add(KeyOf("GOOGLE", m.Name, "red"), SeedIds.Google, $"Google Cloud Interconnect ({m.Google}) {m.Name} Zone 1", m.RedLoc, "GOOGLE", "red", 100000, 10000);
                Add(KeyOf("GOOGLE", m.Name, "blue"), SeedIds.Google, $"Google Cloud Interconnect ({m.Google}) {m.Name} Zone 2", m.BlueLoc, "GOOGLE", "blue", 100000, 10000);
            }
            if (m.Oracle is not null)
            {
                var oracleRed = m.Name == "Sydney" ? 3 : m.RedLoc;
                var oracleBlue = m.Name == "Sydney" ? 3 : m.BlueLoc;
                Add(KeyOf("ORACLE", m.Name, "red"), SeedIds.Oracle, $"Oracle Cloud Infrastructure FastConnect ({m.Oracle}) Primary", oracleRed, "ORACLE", "red", 10000, 10000);
                Add(KeyOf("ORACLE", m.Name, "blue"), SeedIds.Oracle, $"Oracle Cloud Infrastructure FastConnect ({m.Oracle}) Secondary", oracleBlue, "ORACLE", "blue", 10000, 10000);
            }
            if (m.Ibm is not null)
                Add(KeyOf("IBM", m.Name, "any"), SeedIds.Ibm, $"IBM Cloud Direct Link 2.0 ({m.Ibm}) {m.Name}", m.RedLoc, "IBM", null, 10000, 5000);
            Add(KeyOf("TRANSIT", m.Name, "red"), SeedIds.Megaport, $"Megaport Internet {m.Name}", m.RedLoc, "TRANSIT", "red", 100000, 10000);
            Add(KeyOf("TRANSIT", m.Name, "blue"), SeedIds.Megaport, $"Megaport Internet {m.Name} 2", m.BlueLoc, "TRANSIT", "blue", 100000, 10000);
        }

        // Ports that refuse new VXCs (vxcPermitted=false): clients must filter them out.
        Add("partner/aws/sydney/full", SeedIds.Aws, "AWS Direct Connect (ap-southeast-2) Sydney (capacity reached)", 4, "AWS", "red", 10000, 5000, permitted: false);
        Add("partner/azure/london/legacy", SeedIds.Azure, "Microsoft Azure ExpressRoute London Primary (legacy)", 52, "AZURE", "red", 10000, 10000, permitted: false);
        Add("partner/default/globex/sydney", SeedIds.Globex, "Globex Managed Services Sydney", 5, "DEFAULT", "red", 10000, 10000, permitted: false);

        // Marketplace partners (DEFAULT): their VXCs wait for the partner's approval.
        Add("partner/default/acme/sydney", SeedIds.Acme, "Acme Hosting Sydney", 3, "DEFAULT", "red", 1000, 1000);
        Add("partner/default/acme/london", SeedIds.Acme, "Acme Hosting London", 50, "DEFAULT", "blue", 10000, 10000);
        Add("partner/default/initech/singapore", SeedIds.Initech, "Initech Cloud Exchange Singapore", 30, "DEFAULT", "red", 10000, 10000);
        Add("partner/default/globex/losangeles", SeedIds.Globex, "Globex Managed Services Los Angeles", 80, "DEFAULT", "", 10000, 10000);
        return list;
    }

    public static string Uid(string connectType, string metro, string zone) => SeedIds.Derive(KeyOf(connectType, metro, zone));

    /// <summary>
    /// The cloud-side keys known to the simulator and the partner ports each one resolves to
    /// (GET /v2/secure/{azure|google|oracle}/{key}; also accepted in VXC partner configs):
    /// <code>
    /// azure  1b2329a5-56dc-45d0-8a0d-87b706297777                         Sydney Primary (red, loc 2) + Secondary (blue, loc 4), 1000 Mbps
    /// azure  c3f4a1e2-9b7d-4e61-8a2c-5d0e7f6b3a91                         London Primary (red, loc 50) + Secondary (blue, loc 51), 2000 Mbps
    /// google 7e51371e-72a3-40b5-b844-2e3efefaee59/australia-southeast1/2  Sydney Zone 2 (blue, loc 4)
    /// google 2c8b7d4e-51f0-4a3b-9e6d-0f1a2b3c4d5e/europe-west2/1          London Zone 1 (red, loc 50)
    /// oracle ocid1.virtualcircuit.oc1.ap-sydney-1.aaaaexample             Sydney Primary + Secondary (loc 3), 1000 Mbps
    /// </code>
    /// Any other key answers 400. Keep this list in step with README.md.
    /// </summary>
    public static List<CspKey> BuildCspKeys() =>
    [
        new CspKey
        {
            Provider = "azure", Key = SeedIds.AzureSydneyKey, Bandwidth = 1000, Vlan = 0,
            Ports = [(Uid("AZURE", "Sydney", "red"), "primary"), (Uid("AZURE", "Sydney", "blue"), "secondary")],
            Peers = [("private", 12076, "", "", 0), ("microsoft", 12076, "", "", 0)],
        },
        new CspKey
        {
            Provider = "azure", Key = SeedIds.AzureLondonKey, Bandwidth = 2000, Vlan = 0,
            Ports = [(Uid("AZURE", "London", "red"), "primary"), (Uid("AZURE", "London", "blue"), "secondary")],
            Peers = [("private", 12076, "", "", 0)],
        },
        new CspKey
        {
            Provider = "google", Key = SeedIds.GoogleSydneyPairingKey, Bandwidth = 10000,
            Ports = [(Uid("GOOGLE", "Sydney", "blue"), "primary")],
        },
        new CspKey
        {
            Provider = "google", Key = SeedIds.GoogleLondonPairingKey, Bandwidth = 10000,
            Ports = [(Uid("GOOGLE", "London", "red"), "primary")],
        },
        new CspKey
        {
            Provider = "oracle", Key = SeedIds.OracleSydneyOcid, Bandwidth = 1000,
            Ports = [(Uid("ORACLE", "Sydney", "red"), "primary"), (Uid("ORACLE", "Sydney", "blue"), "secondary")],
        },
    ];
}
