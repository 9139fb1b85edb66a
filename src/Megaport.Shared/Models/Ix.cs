namespace Megaport
{
    /// <summary>An internet exchange connection on a port.</summary>
    public sealed class Ix : Service
    {
        public int RateLimit { get; internal set; }
        public string? NetworkServiceType { get; internal set; }
        public long? Asn { get; internal set; }
        public string? MacAddress { get; internal set; }
        public int? Vlan { get; internal set; }
        public string? PortUid { get; internal set; }
        public bool Shutdown { get; internal set; }
    }

    /// <summary>An internet exchange a port can join (GET /v2/ixp); its Name is what New-MegaportIx -NetworkServiceType takes.</summary>
    public sealed class IxType
    {
        public int Id { get; internal set; }
        public string Name { get; internal set; } = "";
        public long? Asn { get; internal set; }
        public string? Metro { get; internal set; }
        public string? Ipv4Network { get; internal set; }
        public string? Ipv6Network { get; internal set; }

        public override string ToString() => Name;
    }
}
