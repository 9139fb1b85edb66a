using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Reports;
using Megaport.Transformations;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Export-MegaportReport: one self-contained HTML page of the account (inventory, topology, monthly prices,
    /// traffic charts) that opens offline. The page is written to a temporary file beside the target and moved into
    /// place only when complete, so a stopped or failed export leaves the old file (or none), never half of one.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MegaportReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ServiceSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportMegaportReportCommand : MegaportApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>The traffic charts cover the last 1-180 days (default 7).</summary>
        [Parameter]
        public int Days { get; set; } = 7;

        // The default set is the objects' (with no input: every active service), so a piped service binds as itself and
        // a piped UID or object with a ProductUid falls to -ProductUid.
        const string ServiceSet = "Service";
        const string UidSet = "ProductUid";

        /// <summary>Only these services, as Get-MegaportService wrote them (used as read, not read again).</summary>
        [Parameter(ParameterSetName = ServiceSet, ValueFromPipeline = true)]
        public Service[]? InputObject { get; set; }

        /// <summary>Only these services (and, in the topology, what they connect to); by default every active service.</summary>
        [Parameter(ParameterSetName = UidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[]? ProductUid { get; set; }

        string _target = "";
        TelemetryRange _range;
        readonly List<string> _only = new();
        readonly Dictionary<string, Service> _given = new(StringComparer.OrdinalIgnoreCase);

        protected override void Begin()
        {
            _range = TelemetryRange.LastDays(Days);
            string full, directory;
            try
            {
                full = GetUnresolvedProviderPathFromPSPath(Path);
                directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(full)) ?? "";
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or ItemNotFoundException or ProviderNotFoundException
                                           or System.Management.Automation.DriveNotFoundException or PSInvalidOperationException)
            {
                throw MegaportException.InvalidArgument($"-Path '{Path}' is not a file path: {ex.Message}", Path);
            }
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                ThrowInvalidArgument($"-Path '{Path}': the folder '{directory}' does not exist.", Path);
            if (Directory.Exists(full))
                ThrowInvalidArgument($"-Path '{Path}' is a folder; name the report's file (report.html).", Path);
            _target = full;
        }

        protected override void Process()
        {
            foreach (var uid in ProductUid ?? Array.Empty<string>())
            {
                Check.Uid(uid, "ProductUid");
                _only.Add(uid);
            }
            foreach (var service in InputObject ?? Array.Empty<Service>())
            {
                if (service == null) continue;
                Check.Uid(service.ProductUid, "InputObject");
                _only.Add(service.ProductUid);
                _given[service.ProductUid] = service;
            }
        }

        protected override void End()
        {
            var what = _only.Count == 0 ? "every active service" : $"{_only.Count} service(s)";
            if (!ShouldProcess(_target, $"Write a Megaport report of {what} with {Days} day(s) of traffic")) return;
            var session = CurrentSession;
            var api = Api;
            var days = Days;
            var range = _range;
            var only = new HashSet<string>(_only, StringComparer.OrdinalIgnoreCase);
            var target = _target;
            var given = _given.Values.ToList();
            Run(async ctx =>
            {
                // Each service's traffic is read as soon as the service is (from the listing, or by UID), while the rest is
                // still arriving; prices are asked in batches beside those reads.
                var reads = new Dictionary<string, Task<IReadOnlyList<TelemetrySeries>>>(StringComparer.OrdinalIgnoreCase);
                var gated = new TelemetryReads.Gated(ctx, (done, total) => Report(TelemetryReads.Progress("Reading traffic for the Megaport report", done, total)));
                try
                {
                    void Start(Service s)
                    {
                        if ((only.Count == 0 || only.Contains(s.ProductUid)) && ReportBuilder.IsMeasured(s) && !reads.ContainsKey(s.ProductUid))
                            reads[s.ProductUid] = gated.Start(() => ReportBuilder.ReadTrafficAsync(api, s, range, ctx));
                    }
                    // Chosen services are used as given or read by UID: a few services of a big account never read the whole listing.
                    var snapshot = only.Count == 0
                        ? await AccountSnapshot.ReadAsync(session, api, ctx, Start).ConfigureAwait(false)
                        : await AccountSnapshot.ReadSelectedAsync(session, api, only, given, ctx, Start).ConfigureAwait(false);
                    var read = new HashSet<string>(snapshot.Services.Select(s => s.ProductUid), StringComparer.OrdinalIgnoreCase);
                    foreach (var missing in only.Where(u => !read.Contains(u)))
                        Fail(new MegaportException(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound,
                            $"There is no service {missing} on the account; the report leaves it out.", missing));
                    var data = ReportBuilder.Rows(snapshot, only.Count == 0 ? null : only, days);
                    var prices = ReportBuilder.PriceAsync(api, data.Rows, ctx);
                    await Task.WhenAll(data.Rows.Where(r => r.Measured && reads.ContainsKey(r.Service.ProductUid))
                        .Select(r => ReportBuilder.FillTrafficAsync(r, reads[r.Service.ProductUid]))).ConfigureAwait(false);
                    await prices.ConfigureAwait(false);
                    var html = ReportBuilder.Html(data, only.Count == 0 ? null : only);
                    WriteWhole(target, html, ctx);
                    Emit(new FileInfo(target));
                }
                finally
                {
                    // A failure that stops everything (or Ctrl+C) still waits for the reads in flight, so none outlives the command.
                    await gated.DrainAsync().ConfigureAwait(false);
                }
            });
        }

        /// <summary>Writes beside the target, then moves the complete file over it; a failure or Ctrl+C removes the partial one.</summary>
        static void WriteWhole(string target, string html, CallContext ctx)
        {
            var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, "." + System.IO.Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                using (var writer = new StreamWriter(file, new UTF8Encoding(false)))
                {
                    const int chunk = 64 * 1024;
                    for (var i = 0; i < html.Length; i += chunk)
                    {
                        ctx.Token.ThrowIfCancellationRequested();
                        writer.Write(html.Substring(i, Math.Min(chunk, html.Length - i)));
                    }
                }
                ctx.Token.ThrowIfCancellationRequested();
                if (File.Exists(target)) File.Replace(temp, target, null);
                else File.Move(temp, target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MegaportException(ErrorIds.InvalidArgument, ErrorCategory.WriteError, $"Could not write the report to '{target}': {ex.Message}", target, ex);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
