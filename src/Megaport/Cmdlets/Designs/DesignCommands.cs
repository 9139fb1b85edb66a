using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Megaport.Completers;
using Megaport.Designs;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>What Test- and Deploy-MegaportDesign share: the file, its secrets, the checks and the plan.</summary>
    public abstract class DesignCmdlet : PerItemCmdlet
    {
        /// <summary>The design file: .psd1, .json, .yaml or .yml (a megaport-cli apply file works as it is).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>The values of the design's {{.secret.NAME}} placeholders: @{ NAME = &lt;SecureString&gt; }.</summary>
        [Parameter]
        public IDictionary? Secret { get; set; }

        /// <summary>Also plan the cancellation of the services on the account that the design does not hold.</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        Dictionary<string, SecureString>? _secrets;

        /// <summary>-Secret as names and SecureStrings; anything else is refused (a secret is never taken as plain text).</summary>
        internal Dictionary<string, SecureString> Secrets
        {
            get
            {
                if (_secrets != null) return _secrets;
                var secrets = new Dictionary<string, SecureString>(StringComparer.Ordinal);
                if (Secret != null)
                    foreach (DictionaryEntry e in Secret)
                    {
                        var name = Megaport.Api.PSJson.Unwrap(e.Key)?.ToString() ?? "";
                        secrets[name] = Megaport.Api.PSJson.Unwrap(e.Value) switch
                        {
                            SecureString s => s,
                            PSCredential c => c.Password,
                            _ => throw MegaportException.InvalidArgument($"-Secret '{name}' must be a SecureString (ConvertTo-SecureString, Read-Host -AsSecureString), never plain text.", name),
                        };
                    }
                return _secrets = secrets;
            }
        }

        internal string FullPath => SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);

        /// <summary>Reads and checks the file: every local problem is written, then one error stops the command, before any request.</summary>
        internal Design Load()
        {
            var secrets = Secrets;
            var problems = new DesignProblems();
            var design = DesignBinder.Bind(DesignFile.Read(FullPath), secrets.Keys, problems);
            Stop(problems, "nothing was sent.");
            return design;
        }

        internal DesignPlan Plan(Design design, DesignPlanner planner)
        {
            var problems = new DesignProblems();
            var plan = Run(ctx => planner.PlanAsync(design, Prune, problems, ctx));
            Stop(problems, "nothing was changed.");
            return plan;
        }

        internal DesignPlanner NewPlanner(OrderPlacer placer) => new(CurrentSession, Api, Secrets, placer);

        void Stop(DesignProblems problems, string what)
        {
            if (!problems.Any) return;
            foreach (var e in problems.Errors) WriteError(e);
            // Terminating whatever -ErrorAction says: a design with problems is never planned or applied.
            ThrowTerminatingError(ErrorRecords.From(problems.Summary(what)));
        }

        /// <summary>The plan's summary line, to the host (and -InformationVariable), never to the pipeline.</summary>
        internal void Summarize(DesignPlan plan, string prefix) =>
            WriteInformation(new HostInformationMessage { Message = prefix + plan.Summary + ".", NoNewLine = false }, new[] { "PSHOST", "MegaportDesign" });
    }

    /// <summary>
    /// Test-MegaportDesign: the plan of a design file against the account — one Megaport.DesignChange per resource
    /// (Create with its monthly price, Update with old -> new, NoChange, Conflict) and the total. Changes nothing.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MegaportDesign")]
    [OutputType(typeof(DesignChange))]
    public sealed class TestMegaportDesignCommand : DesignCmdlet
    {
        protected override void ProcessItem()
        {
            var design = Load();
            var plan = Plan(design, NewPlanner(new OrderPlacer(Api, Warn, Fail)));
            WriteObject(plan.Changes, enumerateCollection: true);
            Summarize(plan, "Plan: ");
        }
    }

    /// <summary>
    /// Deploy-MegaportDesign: applies a design file: buys what is missing (ports, MCRs, MVEs and NAT gateways first,
    /// then VXCs and IXs), changes what differs, and with -Prune cancels what the file does not hold. Asks once for
    /// the whole plan with its price; idempotent (a second run changes nothing) and resumable.
    /// </summary>
    [Cmdlet("Deploy", "MegaportDesign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DesignChange))]
    public sealed class DeployMegaportDesignCommand : DesignCmdlet
    {
        /// <summary>On a failure, cancel at once (last first) what this run bought; without it what was bought stays.</summary>
        [Parameter]
        public SwitchParameter RollbackOnFailure { get; set; }

        /// <summary>How long to wait for each stage's services to be provisioned: a TimeSpan or minutes (default 15).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Skip the confirmation of -Prune's removals (What-if still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            var design = Load();
            var placer = new OrderPlacer(Api, Warn, Fail);
            var planner = NewPlanner(placer);
            var plan = Plan(design, planner);
            var conflicts = plan.Items.Where(i => i.Change.Action == DesignAction.Conflict).ToList();
            if (conflicts.Count > 0)
            {
                WriteObject(plan.Changes, enumerateCollection: true);
                ThrowTerminatingError(ErrorRecords.From(MegaportException.InvalidArgument(
                    $"The plan has {conflicts.Count} conflict{(conflicts.Count == 1 ? "" : "s")} ({string.Join("; ", conflicts.Select(c => $"{c.Kind} '{c.Name}': {c.Change.Message}"))}); nothing was changed.", FullPath)));
            }
            var work = plan.Items.Where(i => i.Change.Action is not DesignAction.NoChange).ToList();
            if (work.Count == 0)
            {
                Summarize(plan, "Nothing to do: ");
                WriteObject(plan.Changes.Select(c => { c.Result = "Unchanged"; return c; }), enumerateCollection: true);
                return;
            }
            var total = plan.TotalText is string t ? $" for {t}" : "";
            var whole = $"Deploying the design {Path}: {plan.Summary}";
            if (!ShouldChange(whole, $"Deploy {System.IO.Path.GetFileName(Path)}{total}"))
            {
                // -WhatIf lists each item too; -Confirm answered no sends nothing.
                if (WhatIfGiven) foreach (var i in work) ShouldProcess(Describe(i), "Deploy");
                return;
            }
            var confirmed = new List<PlannedItem>();
            var perItem = ConfirmGiven;
            foreach (var i in work)
            {
                if (perItem && !ShouldProcess(Describe(i), i.Change.Action.ToString())) continue;
                confirmed.Add(i);
            }
            var removals = confirmed.Where(i => i.Change.Action == DesignAction.Remove).ToList();
            if (removals.Count > 0 && !Force && !perItem && !ConfirmedOff &&
                !ShouldContinue($"Cancel at once {removals.Count} service(s) that the design does not hold: {string.Join(", ", removals.Select(r => $"{r.Kind} '{r.Name}'"))}?", "Confirm -Prune"))
                confirmed.RemoveAll(removals.Contains);

            var api = Api;
            var deployer = new DesignDeployer(api, planner, WaitTimeout, Warn, Fail, Report);
            Run(ctx => deployer.RunAsync(plan, confirmed, RollbackOnFailure, ctx));
            WriteObject(plan.Changes, enumerateCollection: true);
        }

        static string Describe(PlannedItem i) =>
            $"{i.Change.Action} {i.Kind} '{i.Name}'" + (i.Change.Action == DesignAction.Update ? $" ({i.Change.ChangeText})" : "")
            + (i.Change.MonthlyPrice != null ? $" for {i.Change.PriceText}/month" : "");

        bool WhatIfGiven => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) ? LanguagePrimitives.IsTrue(w) : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        bool ConfirmGiven => MyInvocation.BoundParameters.TryGetValue("Confirm", out var c) && LanguagePrimitives.IsTrue(c);
        bool ConfirmedOff => MyInvocation.BoundParameters.TryGetValue("Confirm", out var c) && !LanguagePrimitives.IsTrue(c);
    }

    /// <summary>
    /// Export-MegaportDesign: writes the account's services (or the ones given and what they depend on) as a design
    /// file that Test-MegaportDesign plans as NoChange: references by name, partner ends as selectors pinning the
    /// partner port, no secrets.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MegaportDesign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class ExportMegaportDesignCommand : PerItemCmdlet
    {
        /// <summary>The file to write (its extension picks the format unless -Format says); without it the design is output as text.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Only these services (and the ports, MCRs, MVEs and NAT gateways their VXCs and IXs need).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[]? ProductUid { get; set; }

        [Parameter]
        public DesignFormat? Format { get; set; }

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        readonly List<string> _uids = new();
        bool _all = true;

        protected override void ProcessItem()
        {
            if (ProductUid == null) return;
            foreach (var uid in ProductUid) Check.Uid(uid, nameof(ProductUid));
            _all = false;
            _uids.AddRange(ProductUid);
        }

        protected override void End()
        {
            var path = Path != null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path) : null;
            var format = Format ?? (path != null ? DesignFile.FormatOf(path) : DesignFormat.Psd1);
            if (path != null && File.Exists(path) && !Force)
                throw MegaportException.InvalidArgument($"'{path}' exists; -Force overwrites it.", path);
            var session = CurrentSession;
            var api = Api;
            var exporter = new DesignExporter(api);
            var tree = Run(async ctx =>
            {
                var account = await AccountState.ReadAsync(session, api, ctx).ConfigureAwait(false);
                return await exporter.ExportAsync(account, _all ? null : _uids, Warn, ctx).ConfigureAwait(false);
            });
            var text = DesignWriter.Write(tree, format, $"Megaport design exported {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Test-MegaportDesign plans it as NoChange.");
            if (path == null)
            {
                WriteObject(text);
                return;
            }
            if (!ShouldChange(path, $"Write the design ({format})")) return;
            File.WriteAllText(path, text);
            WriteObject(new FileInfo(path));
        }
    }
}
