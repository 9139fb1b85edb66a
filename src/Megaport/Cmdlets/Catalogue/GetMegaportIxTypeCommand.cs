using System.Management.Automation;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportIxType: the internet exchanges a port can join (their names go to New-MegaportIx -NetworkServiceType).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportIxType")]
    [OutputType(typeof(IxType))]
    public sealed class GetMegaportIxTypeCommand : MegaportApiCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Metro { get; set; }

        protected override void End()
        {
            var api = Api;
            var name = Wildcards.Pattern(Name);
            var metro = Wildcards.Pattern(Metro);
            foreach (var x in Run(ctx => api.GetIxTypesAsync(ctx)))
            {
                if (name != null && !name.IsMatch(x.Name)) continue;
                if (metro != null && !metro.IsMatch(x.Metro ?? "")) continue;
                WriteObject(x);
            }
        }
    }
}
