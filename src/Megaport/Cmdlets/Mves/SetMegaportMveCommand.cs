using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
    /// <summary>Set-MegaportMve: renames an MVE or its vNICs, or changes its cost centre, marketplace visibility or term.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportMve", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Mve))]
    public sealed class SetMegaportMveCommand : SetLocatedServiceCmdlet
    {
        /// <summary>New vNIC descriptions, in vNIC order (the first renames vNIC 0, ...).</summary>
        [Parameter]
        public string[]? VnicDescription { get; set; }

        internal override ProductDescriptor Product => Products.Products.Mve;
        internal override LocatedServiceChange NewChange() => new MveChange();

        internal override void CheckInput()
        {
            base.CheckInput();
            if (!Given(nameof(VnicDescription))) return;
            var names = VnicDescription ?? Array.Empty<string>();
            if (names.Length == 0 || names.Length > 5) throw MegaportException.InvalidArgument($"-VnicDescription names {names.Length} vNICs; an MVE has 1 to 5.", VnicDescription);
            foreach (var n in names) Check.Name(n, "VnicDescription");
        }

        internal override void DescribeMore(Service current, LocatedServiceChange change, ChangeLines lines)
        {
            if (!Given(nameof(VnicDescription))) return;
            var mve = (Mve)current;
            var names = VnicDescription ?? Array.Empty<string>();
            if (names.Length > Math.Max(1, mve.VnicDescriptions.Length))
                throw MegaportException.InvalidArgument($"-VnicDescription names {names.Length} vNICs; '{mve.Name}' has {mve.VnicDescriptions.Length}.", VnicDescription);
            ((MveChange)change).Vnics = names.Select(n => new MveVnic { Description = n }).ToList();
            lines.Add("vNICs", string.Join(", ", mve.VnicDescriptions), string.Join(", ", names));
        }
    }
}
