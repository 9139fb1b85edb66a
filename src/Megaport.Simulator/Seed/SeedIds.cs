using System.Security.Cryptography;
using System.Text;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>
/// Stable identifiers of the demo account, so tests, docs and runbooks can name them.
/// Listed in README.md; change them only together with the README.
/// </summary>
public static class SeedIds
{
    public static readonly Company DemoCompany = new(2001, "5d3f0b8e-6c1a-4f2d-9a7e-1b4c8d2e6f30", "Demo Networks Pty Ltd");
    public const string DemoUser = "a1e0c6d2-4b7f-4e39-8d15-2c9f6b0e3a71";

    // Companies the demo partner manages (acted for with X-Call-Context), and what they own.
    public static readonly Company AcmeRetail = new(4001, "7b1e5c9a-3d2f-4a8e-b6c4-1f0d9e3a5b27", "Acme Retail Group");
    public static readonly Company BlueHarbour = new(4002, "9c3a7e1b-5f4d-4c2a-8e6b-3d1f0a5c7e49", "Blue Harbour Logistics");
    public const string AcmeSydneyPort = "2b6d0f4a-8c3e-4e1b-9a7d-5c2f8e0b4d16";

    public const string SydneyPrimary = "2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12";
    public const string SydneySecondary = "7a9e4c2b-1d3f-4b8e-9a6c-5e0f2d7b1c34";
    public const string MelbourneCore = "c41d7e9a-3b2f-4a6c-8e1d-9f0b5a2c7e56";
    public const string LosAngelesEdge = "e8b2f6a4-9c1d-4e3b-a7f5-2d6c0b8e4a78";
    public const string LagPrimary = "1c6e9b3d-7a2f-4d8c-b5e1-3f9a0d6c2b90";
    public const string LagMember = "9d4a7f1c-2e8b-4c5d-a3f6-7b0e1c9d5a21";
    public const string DecommissionedPort = "5b8c1e7d-4f3a-4b9e-8d2c-6a0f3e7b1d43";
    public const string SydneyMcr = "3e7f2a9c-8d1b-4e6a-9f4c-0b5d8e2a6c65";
    public const string SydneyMve = "8f1b5d3e-2c7a-4f9d-b6e8-4a0c7d1f3e87";
    public const string MegaDirect = "6c2d9f4b-5e1a-4c7f-8b3d-1e9a6f0c4d09";
    public const string SydneyIx = "4a8e3c7f-1b9d-4f2e-a6c5-8d0b3e7a1f31";
    /// <summary>Sydney MCR's prefix list "Azure VNets" (IPv4), the import allow-list of its BGP session to Azure.</summary>
    public const int SydneyMcrPrefixList = 1001;
    public const string SydneyNatGateway = "9b2e6d4f-3a7c-4e1b-8f5d-2c6a0e9b4d13";
    public const string MelbourneNatDesign = "d6a4f2b8-5c1e-4b9d-a7e3-4f8c2a6d0b35";

    public const string VxcPortToPort = "b7d3a1f9-6e2c-4a8b-9d5f-3c0e7a1b9d52";
    public const string VxcAwsHostedVif = "d9f5c3b1-8a4e-4c2d-b7f9-5e2a0c3d1f74";
    public const string VxcAwsHostedConnection = "f2a8e6d4-3c9b-4e7f-8a1c-7d4b2e0f6a96";
    public const string VxcMcrAzure = "a3c9e7b5-4d1f-4a6e-9b2d-8f5c3a1e7b18";
    public const string VxcLagInternet = "0e4b8d2f-7c3a-4f1e-9d6b-2a5c8e1f4b07";
    public const string VxcLongHaul = "5f9c3e1a-6d2b-4b8f-a4e7-9c1d3f6a0e29";
    public const string VxcDecommissioned = "c5e1b9d7-2f6a-4c8e-a3b1-9e7d4f2c0a30";
    public const string VxcCancelled = "e7a3d1f9-8b4c-4e2a-b5d3-1f9e6a4c2b52";
    public const string VxcNatToPrimary = "1f7c5a3e-9d2b-4c6f-b8a4-6e0d2f4b8c57";

    // Partner companies.
    public static readonly Company Aws = new(117, "c8f5a3d1-2b6e-4f9a-8d3c-7e1b5a9f2d04", "AWS");
    public static readonly Company Azure = new(118, "d2b7e9f3-5a1c-4e8d-9b6f-3c0a8e2d7f15", "Microsoft Azure");
    public static readonly Company Google = new(119, "e4c9a1b5-7d3f-4a2e-8c6b-5f1d9a3e0c26", "Google Inc");
    public static readonly Company Oracle = new(120, "f6d1b3c7-9e5a-4c4f-a8d2-7b3f1c5e2a37", "Oracle");
    public static readonly Company Ibm = new(121, "a8e3c5d9-1f7b-4e6a-9c4d-9d5b3e7f4c48", "IBM");
    public static readonly Company Megaport = new(1, "b0f5e7a1-3c9d-4a8b-8e6f-1f7d5a9c6e59", "Megaport");
    public static readonly Company Acme = new(3001, "c2a7f9b3-5e1d-4c0a-9f8b-3a9f7c1e8d60", "Acme Hosting");
    public static readonly Company Globex = new(3002, "d4c9b1d5-7a3f-4e2c-8a0d-5c1b9e3a0f71", "Globex Managed Services");
    public static readonly Company Initech = new(3003, "e6e1d3f7-9c5b-4a4e-9c2f-7e3d1a5c2b82", "Initech Cloud Exchange");

    // Well-known cloud keys (GET /v2/secure/{azure|google|oracle}/{key}).
    public const string AzureSydneyKey = "1b2329a5-56dc-45d0-8a0d-87b706297777";
    public const string AzureLondonKey = "c3f4a1e2-9b7d-4e61-8a2c-5d0e7f6b3a91";
    public const string GoogleSydneyPairingKey = "7e51371e-72a3-40b5-b844-2e3efefaee59/australia-southeast1/2";
    public const string GoogleLondonPairingKey = "2c8b7d4e-51f0-4a3b-9e6d-0f1a2b3c4d5e/europe-west2/1";
    public const string OracleSydneyOcid = "ocid1.virtualcircuit.oc1.ap-sydney-1.aaaaexample";

    // Megaport service keys (/v2/service/key).
    public const string ServiceKeySydneyPrimary = "4b9a2c1d-8e7f-4a6b-9c5d-3e2f1a0b9c8d";
    public const string ServiceKeyLaSingleUse = "7d1e3f5a-9b2c-4d6e-8f0a-1b3c5d7e9f02";
    public const string ServiceKeyAcmeSydney = "9f3a5b7c-1d4e-4f8a-a2b6-3d5e7f9a1b24";
    public const string ServiceKeyAcmeLondonPreApproved = "1a5c7e9b-3f6a-4b0c-b4d8-5f7a9b1c3d46";

    /// <summary>A name-based GUID (SHA-1, RFC 4122 v5 layout) so generated seed items keep their UID across runs.</summary>
    public static string Derive(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("megaport-simulator:" + name));
        var b = hash.AsSpan(0, 16).ToArray();
        b[6] = (byte)((b[6] & 0x0F) | 0x50);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b, bigEndian: true).ToString();
    }
}
