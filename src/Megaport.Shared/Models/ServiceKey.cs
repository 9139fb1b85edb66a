using System;

namespace Megaport
{
    /// <summary>A Megaport service key: lets another customer order a VXC to one of your ports.</summary>
    public sealed class ServiceKey
    {
        public string Key { get; internal set; } = "";
        public string? Description { get; internal set; }
        public string? ProductUid { get; internal set; }
        public int ProductId { get; internal set; }
        public string? ProductName { get; internal set; }
        /// <summary>Largest rate limit (Mbps) a VXC ordered with the key may have.</summary>
        public int MaxSpeed { get; internal set; }
        public int? Vlan { get; internal set; }
        public bool SingleUse { get; internal set; }
        public bool PreApproved { get; internal set; }
        public bool Active { get; internal set; }
        public bool Valid { get; internal set; }
        public bool Expired { get; internal set; }
        public DateTime? ValidFrom { get; internal set; }
        public DateTime? ValidTo { get; internal set; }
        public DateTime? CreateDate { get; internal set; }
        public DateTime? LastUsed { get; internal set; }
        public string? CompanyName { get; internal set; }

        public override string ToString() => Key;
    }
}
