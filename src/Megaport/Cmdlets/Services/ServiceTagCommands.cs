using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Completers;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportServiceTag: the resource tags of services, one object per tag.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportServiceTag")]
    [OutputType(typeof(ServiceTag))]
    public sealed class GetMegaportServiceTagCommand : ServicesCmdlet
    {
        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            WriteObject(Run(ctx => api.GetTagsAsync(uid, ctx)), enumerateCollection: true);
        });
    }

    /// <summary>
    /// Set-MegaportServiceTag: adds or changes resource tags (a $null value removes a tag), or with -Replace makes the
    /// given tags the service's whole tag set.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MegaportServiceTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ServiceTag))]
    public sealed class SetMegaportServiceTagCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>Tags as key = value (a hashtable, an ordered dictionary or an object with properties); when merging, a $null value removes that key.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        [DictionaryTransformation]
        public IDictionary Tag { get; set; } = null!;

        /// <summary>Make -Tag the complete set, removing every other tag.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        /// <summary>Emit the service's tags after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            var wanted = Tags.Read(Tag);
            var api = Api;
            var current = Run(ctx => api.GetTagsAsync(ProductUid, ctx));
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (!Replace) foreach (var t in current) result[t.Key] = t.Value;
            foreach (var w in wanted)
                if (w.Value == null) result.Remove(w.Key);
                else result[w.Key] = w.Value;

            static string Text(IEnumerable<KeyValuePair<string, string>> tags) => tags.Any() ? string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}")) : "(none)";
            var before = Text(current.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));
            var after = Text(result);
            if (before == after)
            {
                WriteVerbose($"The tags of {ProductUid} are already {after}.");
            }
            else
            {
                if (!ShouldChange(ProductUid, $"Set tags {before} -> {after}")) return;
                current = Run(ctx => api.SetTagsAsync(ProductUid, result, ctx));
            }
            if (PassThru) WriteObject(current, enumerateCollection: true);
        }
    }
}
