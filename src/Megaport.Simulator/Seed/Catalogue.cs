namespace Megaport.Simulator.Seed;

/// <summary>Static catalogues: MVE images (v4 shape, grouped by product), MVE sizes, and Internet Exchanges.</summary>
public static class Catalogue
{
    public sealed record MveImage(int Id, string Version, string ProductCode, string? VendorDescription, bool ReleaseImage, string[] Sizes);
    public sealed record MveProduct(string Product, string Vendor, string VendorProductId, string VendorKey, MveImage[] Images);
    public sealed record MveSize(string Size, string Label, int CpuCoreCount, int RamGB, int BandwidthMbps);
    public sealed record Ixp(int Id, int Asn, string Name, string Metro, string Ipv4Network, string Ipv6Network);

    private static readonly string[] AllSizes = ["MVE 2/8", "MVE 4/16", "MVE 8/32", "MVE 12/48"];
    private static readonly string[] UpTo8 = ["MVE 2/8", "MVE 4/16", "MVE 8/32"];

    public static readonly MveSize[] Sizes =
    [
        new("SMALL", "MVE 2/8", 2, 8, 500),
        new("MEDIUM", "MVE 4/16", 4, 16, 1000),
        new("LARGE", "MVE 8/32", 8, 32, 5000),
        new("X_LARGE_12", "MVE 12/48", 12, 48, 10000),
    ];

    /// <summary>VendorKey is the order's <c>vendorConfig.vendor</c> value.</summary>
    public static readonly MveProduct[] MveProducts =
    [
        new("C8000", "Cisco", "cisco_c8000", "cisco",
        [
            new(92, "17.16.01a", "c8000", "Cisco Catalyst 8000V Edge Software", true, AllSizes),
            new(88, "17.12.04", "c8000", "Cisco Catalyst 8000V Edge Software", true, AllSizes),
        ]),
        new("FTDv", "Cisco", "cisco_ftdv", "cisco",
            [new(79, "7.4.1", "ftdv", "Cisco Secure Firewall Threat Defense Virtual", true, UpTo8)]),
        new("FortiGate-VM", "Fortinet", "fortinet_fortigate-vm", "fortinet",
        [
            new(56, "6.4.15", "fortigate", null, true, UpTo8),
            new(57, "7.0.14", "fortigate", null, true, AllSizes),
            new(101, "7.4.4", "fortigate", null, true, AllSizes),
        ]),
        new("VM-Series", "Palo Alto", "paloalto_vm-series", "paloalto",
        [
            new(63, "10.2.9", "vmseries", "Palo Alto Networks VM-Series NGFW", true, AllSizes),
            new(104, "11.1.3", "vmseries", "Palo Alto Networks VM-Series NGFW", true, AllSizes),
        ]),
        new("Prisma SD-WAN 7108v", "Palo Alto", "paloalto_prisma-sdwan", "prisma",
            [new(85, "6.3.1", "prisma-ion-7108v", "Prisma SD-WAN ION 7108v", true, UpTo8)]),
        new("EdgeConnect", "Aruba", "aruba_edgeconnect", "aruba",
            [new(71, "9.3.2.0", "edgeconnect", "HPE Aruba Networking EdgeConnect SD-WAN", true, AllSizes)]),
        new("FlexVNF", "Versa", "versa_flexvnf", "versa",
            [new(74, "22.1.4", "flexvnf", "Versa FlexVNF SD-WAN", true, UpTo8)]),
        new("SD-WAN Edge", "VMware", "vmware_sdwan", "vmware",
            [new(68, "5.2.2", "velocloud-edge", "VMware SD-WAN by VeloCloud", true, UpTo8)]),
        new("vSR", "6WIND", "6wind_vsr", "6wind",
            [new(83, "3.8.4", "6wind-vsr", "6WIND Virtual Service Router", true, AllSizes)]),
        new("Aviatrix Secure Edge", "Aviatrix", "aviatrix_secure-edge", "aviatrix",
            [new(90, "7.1", "aviatrix-edge", null, true, UpTo8)]),
        new("vMX", "Meraki", "meraki_vmx", "meraki",
        [
            new(97, "Meraki Classic 19.2", "meraki-vmx", null, true, ["MVE 2/8"]),
            new(98, "Meraki 19.1 (beta)", "meraki-vmx", null, false, ["MVE 2/8"]),
        ]),
    ];

    public static (MveProduct Product, MveImage Image)? FindImage(int id)
    {
        foreach (var p in MveProducts)
            foreach (var i in p.Images)
                if (i.Id == id) return (p, i);
        return null;
    }

    public static readonly Ixp[] Ixps =
    [
        new(1, 7594, "Sydney IX", "Sydney", "103.26.68.0/23", "2001:dea:0:10::/64"),
        new(2, 7594, "Melbourne IX", "Melbourne", "103.26.70.0/23", "2001:dea:0:20::/64"),
        new(3, 7594, "Brisbane IX", "Brisbane", "103.26.72.0/23", "2001:dea:0:30::/64"),
        new(4, 7594, "Perth IX", "Perth", "103.26.74.0/23", "2001:dea:0:40::/64"),
        new(5, 9439, "Auckland IX", "Auckland", "43.243.21.0/24", "2001:7fa:11:4::/64"),
        new(6, 24115, "Equinix Singapore", "Singapore", "27.111.228.0/22", "2001:de8:4::/64"),
        new(7, 4635, "HKIX", "Hong Kong", "123.255.88.0/21", "2001:7fa:0:1::/64"),
        new(8, 7527, "JPNAP Tokyo", "Tokyo", "210.173.176.0/23", "2001:7fa:7:1::/64"),
        new(9, 5459, "LINX LON1", "London", "195.66.224.0/22", "2001:7f8:4::/64"),
        new(10, 6695, "DE-CIX Frankfurt", "Frankfurt", "80.81.192.0/21", "2001:7f8::/64"),
        new(11, 1200, "AMS-IX", "Amsterdam", "80.249.208.0/21", "2001:7f8:1::/64"),
        new(12, 24115, "Equinix Ashburn", "Ashburn", "206.126.236.0/22", "2001:504:0:2::/64"),
        new(13, 25975, "NYIIX", "New York", "198.32.160.0/22", "2001:504:1::/64"),
        new(14, 7594, "Los Angeles IX", "Los Angeles", "206.53.172.0/24", "2001:504:a::/64"),
        new(15, 24115, "Equinix San Jose", "San Jose", "206.223.116.0/23", "2001:504:0:1::/64"),
        new(16, 7594, "Dallas IX", "Dallas", "206.53.174.0/24", "2001:504:b::/64"),
        new(17, 7594, "Chicago IX", "Chicago", "206.53.170.0/24", "2001:504:c::/64"),
        new(18, 11670, "TorIX", "Toronto", "206.108.34.0/23", "2001:504:1a::/64"),
        new(19, 26162, "IX.br Sao Paulo", "Sao Paulo", "187.16.216.0/21", "2001:12f8::/64"),
    ];
}
