using System;

namespace Megaport
{
    /// <summary>A Megaport Virtual Edge.</summary>
    public sealed class Mve : LocatedService
    {
        public string? Vendor { get; internal set; }
        public string? Size { get; internal set; }
        /// <summary>The software image it runs (Get-MegaportMveImage), when the API says.</summary>
        public int? ImageId { get; internal set; }
        public string[] VnicDescriptions { get; internal set; } = Array.Empty<string>();
    }

    /// <summary>An MVE software image (Get-MegaportMveImage).</summary>
    public sealed class MveImage
    {
        public int Id { get; internal set; }
        public string Vendor { get; internal set; } = "";
        public string? Product { get; internal set; }
        public string? Version { get; internal set; }
        public string? ProductCode { get; internal set; }
        public string? VendorDescription { get; internal set; }
        public bool ReleaseImage { get; internal set; }
        public string[] AvailableSizes { get; internal set; } = Array.Empty<string>();

        public override string ToString() => $"{Vendor} {Product} {Version} ({Id})";
    }

    /// <summary>An MVE size (Get-MegaportMveSize).</summary>
    public sealed class MveSize
    {
        public string Size { get; internal set; } = "";
        public string? Label { get; internal set; }
        public int CpuCoreCount { get; internal set; }
        public int RamGB { get; internal set; }
        public int BandwidthMbps { get; internal set; }

        public override string ToString() => Size;
    }
}
