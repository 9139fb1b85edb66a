using System.Management.Automation;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportMveImage: the vendor images an MVE can run (their Id goes to New-MegaportMve -ImageId).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMveImage")]
    [OutputType(typeof(MveImage))]
    public sealed class GetMegaportMveImageCommand : MegaportApiCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Vendor { get; set; }

        /// <summary>Only images released for production use.</summary>
        [Parameter]
        public SwitchParameter ReleaseOnly { get; set; }

        protected override void End()
        {
            var api = Api;
            var vendor = Wildcards.Pattern(Vendor);
            foreach (var image in Run(ctx => api.GetMveImagesAsync(ctx)))
            {
                if (vendor != null && !vendor.IsMatch(image.Vendor)) continue;
                if (ReleaseOnly && !image.ReleaseImage) continue;
                WriteObject(image);
            }
        }
    }
}
