using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Get-MegaportTelemetry: traffic, packets, errors, optical levels... of services, one Megaport.TelemetrySeries per
    /// type and direction. Services from the pipeline are read a few at once and emitted in the order they came.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportTelemetry", DefaultParameterSetName = DaysSet)]
    [OutputType(typeof(TelemetrySeries))]
    public sealed class GetMegaportTelemetryCommand : MegaportApiCmdlet
    {
        const string DaysSet = "Days";
        const string RangeSet = "Range";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;

        /// <summary>The service's API productType (as Megaport.Service objects carry it): saves reading the service first.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ProductType { get; set; }

        /// <summary>The service's name for the output (piped from a service); read with the service when not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        public string? ServiceName { get; set; }

        /// <summary>The telemetry types (any case); the product's defaults when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TelemetryTypeCompleter))]
        public string[]? Type { get; set; }

        /// <summary>The last 1-180 days (default 1).</summary>
        [Parameter(ParameterSetName = DaysSet)]
        public int Days { get; set; } = 1;

        [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
        public DateTime From { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
        public DateTime To { get; set; }

        TelemetryRange _range;
        readonly List<(string Uid, string? Type, string? Name)> _wanted = new();

        protected override void Begin()
        {
            _range = ParameterSetName == RangeSet ? TelemetryRange.Between(Utc(From), Utc(To)) : TelemetryRange.LastDays(Days);
            if (Type != null)
            {
                var unknown = Type.Where(t => !TelemetryKind.AllTypes.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
                if (unknown.Count > 0)
                    ThrowInvalidArgument($"-Type {string.Join(", ", unknown)} is not a telemetry type; use {string.Join(", ", TelemetryKind.AllTypes)}.", unknown[0]);
            }
        }

        /// <summary>A date without a kind is local time, as PowerShell reads '2026-01-31 08:00'.</summary>
        internal static DateTime Utc(DateTime d) => d.Kind == DateTimeKind.Utc ? d : d.ToUniversalTime();

        protected override void Process()
        {
            foreach (var uid in ProductUid)
            {
                if (!Check.IsUid(uid))
                {
                    WriteError(MegaportException.InvalidArgument($"'{uid}' is not a product UID (a UUID such as {Check.UidExample}).", uid));
                    continue;
                }
                // A type or name piped with one object belongs to that object only.
                _wanted.Add(ProductUid.Length == 1 ? (uid, ProductType, ServiceName) : (uid, null, null));
            }
        }

        protected override void End()
        {
            if (_wanted.Count == 0) return;
            var api = Api;
            var range = _range;
            var asked = Type;
            Run(ctx => TelemetryReads.ReadAllAsync(_wanted,
                async w =>
                {
                    var service = Known(w.Uid, w.Type, w.Name) ?? await api.GetServiceAsync(w.Uid, ctx).ConfigureAwait(false);
                    return await api.GetTelemetryAsync(service, TelemetryReads.TypesFor(service, asked), range, ctx).ConfigureAwait(false);
                },
                (_, series) => { foreach (var s in series) Emit(s); },
                // A kind the API measures nothing for (MEGADIRECT) is passed over, so a whole account can be piped in.
                (_, ex) => { if (ex.ErrorId == ErrorIds.NotSupported) Warn(ex.Message + " Skipped."); else Fail(ex); },
                _wanted.Count > 1 ? (done, total) => Report(TelemetryReads.Progress("Reading Megaport telemetry", done, total)) : null,
                ctx));
        }

        /// <summary>The service as the pipeline described it (its kind and name), or null when it must be read.</summary>
        static Service? Known(string uid, string? type, string? name)
        {
            if (type == null) return null;
            var product = Products.Products.ForApiType(type);
            if (product.Telemetry == null) return null;
            var service = product.Placeholder(uid, new[] { uid });
            service.ProductType = type.ToUpperInvariant();
            service.Name = name ?? "";
            return service;
        }
    }

    /// <summary>The telemetry types of every product.</summary>
    public sealed class TelemetryTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Match(wordToComplete, TelemetryKind.AllTypes.Select(t => (t, t, t)));
    }
}
