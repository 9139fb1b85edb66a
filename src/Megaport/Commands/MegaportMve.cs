using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;
using Megaport.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Megaport.Commands
{
    /// <summary>New-MegaportMve: orders a Megaport Virtual Edge running a vendor's SD-WAN or firewall image.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportMve", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mve))]
    public sealed class NewMegaportMveCommand : OrderCmdlet
    {
        static readonly string[] Sizes = { "SMALL", "MEDIUM", "LARGE", "X_LARGE_12" };

        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Name { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public int LocationId { get; set; }

        /// <summary>Contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

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

        /// <summary>Vendor-specific settings added to vendorConfig (e.g. @{ adminSshPublicKey = '...'; sshPublicKey = '...' }).</summary>
        [Parameter]
        public Hashtable? VendorConfig { get; set; }

        /// <summary>vNIC descriptions, one per vNIC (1-5); default one "Data Plane" vNIC.</summary>
        [Parameter]
        public string[]? Vnic { get; set; }

        [Parameter]
        public string? MveLabel { get; set; }

        [Parameter]
        [ValidateSet("red", "blue", IgnoreCase = true)]
        public string? DiversityZone { get; set; }

        [Parameter]
        public string? CostCentre { get; set; }

        [Parameter]
        public string? PromoCode { get; set; }

        [Parameter]
        public Hashtable? Tag { get; set; }

        System.Collections.Generic.IReadOnlyList<MveImage>? _images;
        System.Collections.Generic.IReadOnlyList<MveSize>? _sizes;

        protected override void ProcessItem()
        {
            Check.Name(Name);
            Check.Term(Term);
            Check.CostCentre(CostCentre);
            Check.Text(PromoCode, nameof(PromoCode));
            Check.Text(MveLabel, nameof(MveLabel));
            OrderBuilder.Tags(Tag);
            var size = Sizes.FirstOrDefault(s => string.Equals(s, Size, StringComparison.OrdinalIgnoreCase))
                ?? throw MegaportException.InvalidArgument($"-Size '{Size}' is not an MVE size; use {string.Join(", ", Sizes)}.", Size);
            var vnics = Vnic is { Length: > 0 } ? Vnic : new[] { "Data Plane" };
            if (vnics.Length > 5) throw MegaportException.InvalidArgument($"-Vnic names {vnics.Length} vNICs; an MVE has 1 to 5.", Vnic);
            foreach (var d in vnics) Check.Name(d, "Vnic");

            var location = Locations.Resolve(this, LocationId);
            var zone = DiversityZone?.ToLowerInvariant();
            Locations.CheckZone(location, zone);
            if (!location.MveAvailable)
                throw MegaportException.InvalidArgument($"{location.Name} ({location.Id}) does not offer MVEs.", LocationId);

            var api = Api;
            _images ??= Run(ctx => api.GetMveImagesAsync(ctx));
            var image = _images.FirstOrDefault(i => i.Id == ImageId)
                ?? throw MegaportException.InvalidArgument($"-ImageId {ImageId} is not an MVE image; Get-MegaportMveImage lists them.", ImageId);
            if (!string.Equals(image.Vendor, Vendor, StringComparison.OrdinalIgnoreCase))
                throw MegaportException.InvalidArgument($"Image {ImageId} is {image.Vendor} {image.Product} {image.Version}, not a {Vendor} image.", Vendor);
            if (image.AvailableSizes.Length > 0)
            {
                // Images list their sizes by label ("MVE 4/16"); the catalogue maps labels to size names (MEDIUM).
                _sizes ??= Run(ctx => api.GetMveSizesAsync(ctx));
                var label = _sizes.FirstOrDefault(z => string.Equals(z.Size, size, StringComparison.OrdinalIgnoreCase))?.Label;
                if (!image.AvailableSizes.Any(a => string.Equals(a, size, StringComparison.OrdinalIgnoreCase) || string.Equals(a, label, StringComparison.OrdinalIgnoreCase)))
                    throw MegaportException.InvalidArgument($"Image {ImageId} runs on {string.Join(", ", image.AvailableSizes)}, not {size}{(label != null ? $" ({label})" : "")}.", Size);
            }

            var vendorConfig = new JObject { ["vendor"] = image.Vendor, ["imageId"] = image.Id, ["productSize"] = size };
            if (MveLabel != null) vendorConfig["mveLabel"] = MveLabel;
            if (VendorConfig != null)
                foreach (DictionaryEntry e in VendorConfig)
                {
                    var key = Convert.ToString(OrderBuilder.Unwrap(e.Key), CultureInfo.InvariantCulture) ?? "";
                    if (key.Length == 0 || vendorConfig.ContainsKey(key))
                        throw MegaportException.InvalidArgument($"-VendorConfig key '{key}' is empty or set by another parameter.", VendorConfig);
                    vendorConfig[key] = OrderBuilder.Unwrap(e.Value) is object v ? JToken.FromObject(v) : JValue.CreateNull();
                }
            Order(OrderBuilder.Mve(Name, location, Term, zone, vendorConfig, vnics.Select(d => (d, 0)).ToList(), CostCentre, PromoCode, Tag));
        }
    }

    /// <summary>Set-MegaportMve: renames an MVE or its vNICs, or changes its cost centre, marketplace visibility or term.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportMve", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mve))]
    public sealed class SetMegaportMveCommand : SetServiceCmdlet
    {
        [Parameter]
        [AllowEmptyString]
        public string? Name { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter]
        public bool MarketplaceVisibility { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(TermCompleter))]
        public int Term { get; set; }

        /// <summary>New vNIC descriptions, in vNIC order (the first renames vNIC 0, ...).</summary>
        [Parameter]
        public string[]? VnicDescription { get; set; }

        internal override string Noun => "MVE";
        internal override bool Accepts(Service service) => service is Mve;

        internal override void CheckInput()
        {
            base.CheckInput();
            if (!Given(nameof(VnicDescription))) return;
            var names = VnicDescription ?? Array.Empty<string>();
            if (names.Length == 0 || names.Length > 5) throw MegaportException.InvalidArgument($"-VnicDescription names {names.Length} vNICs; an MVE has 1 to 5.", VnicDescription);
            foreach (var n in names) Check.Name(n, "VnicDescription");
        }

        internal override void Describe(Service current, Changes changes)
        {
            var mve = (Mve)current;
            AddName(current, changes, Name);
            AddCostCentre(current, changes, CostCentre);
            if (Given(nameof(MarketplaceVisibility)))
                changes.Add("marketplaceVisibility", MarketplaceVisibility, "MarketplaceVisibility", null, MarketplaceVisibility);
            AddTerm(current, changes, Term);
            if (Given(nameof(VnicDescription)))
            {
                var names = VnicDescription ?? Array.Empty<string>();
                if (names.Length > Math.Max(1, mve.VnicDescriptions.Length))
                    throw MegaportException.InvalidArgument($"-VnicDescription names {names.Length} vNICs; '{mve.Name}' has {mve.VnicDescriptions.Length}.", VnicDescription);
                changes.Add("vnics", new JArray(names.Select(n => new JObject { ["description"] = n })), "vNICs",
                    string.Join(", ", mve.VnicDescriptions), string.Join(", ", names));
            }
        }
    }
}
