namespace Megaport
{
    /// <summary>A Megaport Cloud Router (productType MCR2).</summary>
    public sealed class Mcr : LocatedService
    {
        public int Speed { get; internal set; }
        public long? Asn { get; internal set; }
        /// <summary>IPsec tunnel count from the IP_SEC add-on, 0 when none.</summary>
        public int IpsecTunnelCount { get; internal set; }
        /// <summary>The IP_SEC add-on's UID (what Set-MegaportMcr -IpsecTunnelCount changes), null when there is none.</summary>
        public string? IpsecAddOnUid { get; internal set; }
    }
}
