using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>New-MegaportMve: orders a Megaport Virtual Edge running a vendor's SD-WAN or firewall image.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportMve", DefaultParameterSetName = ByLocationId, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mve))]
    public sealed class NewMegaportMveCommand : LocatedOrderCmdlet
    {
        /// <summary>The image's vendor (Cisco, Fortinet, Palo Alto, Aruba, Versa, VMware, 6WIND, Aviatrix, Meraki, Prisma).</summary>
        [Parameter(Mandatory = true)]
        [AllowEmptyString]
        public string Vendor { get; set; } = null!;

        /// <summary>The image id, from Get-MegaportMveImage.</summary>
        [Parameter(Mandatory = true)]
        public int ImageId { get; set; }

        /// <summary>SMALL, MEDIUM, LARGE or X_LARGE_12 (Get-MegaportMveSize).</summary>
        [Parameter(Mandatory = true)]
        [AllowEmptyString]
        public string Size { get; set; } = null!;

        /// <summary>Vendor-specific settings added to vendorConfig, nested to any depth (e.g. @{ adminSshPublicKey = '...' }).</summary>
        [Parameter]
        [DictionaryTransformation]
        public IDictionary? VendorConfig { get; set; }

        /// <summary>vNIC descriptions, one per vNIC (1-5); default one "Data Plane" vNIC.</summary>
        [Parameter]
        public string[]? Vnic { get; set; }

        [Parameter]
        public string? MveLabel { get; set; }

        IReadOnlyList<MveImage>? _images;
        IReadOnlyList<MveSize>? _sizes;

        protected override void ProcessItem()
        {
            var tags = CheckShared();
            Check.Text(MveLabel, nameof(MveLabel));
            var size = MveProduct.Sizes.FirstOrDefault(s => string.Equals(s, Size, StringComparison.OrdinalIgnoreCase))
                ?? throw MegaportException.InvalidArgument($"-Size '{Size}' is not an MVE size; use {string.Join(", ", MveProduct.Sizes)}.", Size);
            var vnics = Vnic is { Length: > 0 } ? Vnic : new[] { "Data Plane" };
            if (vnics.Length > 5) throw MegaportException.InvalidArgument($"-Vnic names {vnics.Length} vNICs; an MVE has 1 to 5.", Vnic);
            foreach (var d in vnics) Check.Name(d, "Vnic");
            var extra = VendorConfig == null ? null : PSJson.ToObject(VendorConfig, "-VendorConfig");

            var location = ResolveLocation();
            if (!location.MveAvailable)
                throw MegaportException.InvalidArgument($"{location.Name} ({location.Id}) does not offer MVEs.", location.Id);
            var image = CheckImage(size);

            var vendorConfig = new MveVendorConfig { Vendor = image.Vendor, ImageId = image.Id, ProductSize = size, MveLabel = MveLabel }.With(extra, "-VendorConfig");
            var line = new MveOrder
            {
                LocationId = location.Id,
                Name = Name,
                Term = Term,
                Vnics = vnics.Select(d => new MveVnic { Description = d }).ToList(),
                Config = new ZoneConfig { DiversityZone = Zone },
                VendorConfig = vendorConfig,
                CostCentre = string.IsNullOrEmpty(CostCentre) ? null : CostCentre,
                PromoCode = string.IsNullOrEmpty(PromoCode) ? null : PromoCode,
                Tags = tags,
            };
            Order(new OrderItem(Products.Products.Mve, Name, line, $"MVE '{Name}' ({image.Vendor} {size}, image {image.Id}) {Where(location)}"));
        }

        /// <summary>The image asked for, checked against the vendor and the size (catalogues read once per pipeline).</summary>
        MveImage CheckImage(string size)
        {
            var api = Api;
            _images ??= Run(ctx => api.GetMveImagesAsync(ctx));
            var image = _images.FirstOrDefault(i => i.Id == ImageId)
                ?? throw MegaportException.InvalidArgument($"-ImageId {ImageId} is not an MVE image; Get-MegaportMveImage lists them.", ImageId);
            if (!string.Equals(image.Vendor, Vendor, StringComparison.OrdinalIgnoreCase))
                throw MegaportException.InvalidArgument($"Image {ImageId} is {image.Vendor} {image.Product} {image.Version}, not a {Vendor} image.", Vendor);
            if (image.AvailableSizes.Length == 0) return image;
            // Images list their sizes by label ("MVE 4/16"); the catalogue maps labels to size names (MEDIUM).
            _sizes ??= Run(ctx => api.GetMveSizesAsync(ctx));
            var label = _sizes.FirstOrDefault(z => string.Equals(z.Size, size, StringComparison.OrdinalIgnoreCase))?.Label;
            if (!image.AvailableSizes.Any(a => string.Equals(a, size, StringComparison.OrdinalIgnoreCase) || string.Equals(a, label, StringComparison.OrdinalIgnoreCase)))
                throw MegaportException.InvalidArgument($"Image {ImageId} runs on {string.Join(", ", image.AvailableSizes)}, not {size}{(label != null ? $" ({label})" : "")}.", Size);
            return image;
        }
    }
}
