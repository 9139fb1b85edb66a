using System.Management.Automation;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportMveSize: the MVE sizes (CPU cores, memory, bandwidth) for New-MegaportMve -Size.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportMveSize")]
    [OutputType(typeof(MveSize))]
    public sealed class GetMegaportMveSizeCommand : MegaportApiCmdlet
    {
        protected override void End()
        {
            var api = Api;
            WriteObject(Run(ctx => api.GetMveSizesAsync(ctx)), enumerateCollection: true);
        }
    }
}
