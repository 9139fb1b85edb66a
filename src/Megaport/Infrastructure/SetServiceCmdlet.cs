using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Newtonsoft.Json.Linq;

namespace Megaport.Infrastructure
{
    /// <summary>The fields a Set- cmdlet sends: only those given, each with its old and new value for the confirmation.</summary>
    internal sealed class Changes
    {
        readonly List<(string Label, string Old, string New)> _lines = new();
        public JObject Body { get; } = new();
        public int Count => Body.Count;

        public void Add(string field, JToken value, string label, object? oldValue, object? newValue)
        {
            Body[field] = value;
            _lines.Add((label, Text(oldValue), Text(newValue)));
        }

        static string Text(object? v) => v switch
        {
            null => "(none)",
            string s => s.Length == 0 ? "(none)" : $"'{s}'",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };

        public override string ToString() => string.Join("; ", _lines.Select(l => $"{l.Label} {l.Old} -> {l.New}"));
    }

    /// <summary>
    /// Base of Set-MegaportPort/Vxc/Ix/Mcr/Mve: reads the service, checks the change locally, confirms it showing
    /// old -> new values, sends only the fields given, then waits for the service like an order (-PassThru emits it).
    /// </summary>
    public abstract class SetServiceCmdlet : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(Completers.ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>Emit the updated service.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How long to wait for the change to be provisioned: a TimeSpan or minutes (default 15).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(15);

        readonly List<Service> _changed = new();

        /// <summary>What this cmdlet changes ("port", "VXC", ...), and whether a service is one.</summary>
        internal abstract string Noun { get; }
        internal abstract bool Accepts(Service service);

        /// <summary>Adds the requested changes (checking them) to <paramref name="changes"/>.</summary>
        internal abstract void Describe(Service current, Changes changes);

        internal bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        /// <summary>Checks the parameters given, before any request (bad input never reaches the API).</summary>
        internal virtual void CheckInput()
        {
            if (Given("Name")) Check.Name(Bound<string>("Name"));
            if (Given("CostCentre")) Check.CostCentre(Bound<string>("CostCentre"));
            if (Given("Term")) Check.Term(Bound<int>("Term"));
        }

        T? Bound<T>(string parameter) => MyInvocation.BoundParameters.TryGetValue(parameter, out var v) && v is T t ? t : default;

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            CheckInput();
            var current = ReadForChange(ProductUid, Accepts, Noun);
            var changes = new Changes();
            Describe(current, changes);
            if (changes.Count == 0)
                throw MegaportException.InvalidArgument($"Nothing to change on '{current.Name}': give at least one of the {Noun}'s settings.", ProductUid);
            if (!ShouldChange($"{Noun} '{current.Name}' ({current.ProductUid})", $"Change {changes}")) return;
            var api = Api;
            var updated = Run(async ctx =>
            {
                await api.UpdateAsync(current, changes.Body, ctx).ConfigureAwait(false);
                return await api.GetServiceAsync(current.ProductUid, ctx).ConfigureAwait(false);
            });
            WriteVerbose($"Changed {Noun} '{current.Name}': {changes}.");
            if (WaitsAfterChange) _changed.Add(updated);
            else if (PassThru) WriteObject(updated);
        }

        /// <summary>Whether the change is provisioned and waited for (a rejected VXC is simply gone).</summary>
        internal virtual bool WaitsAfterChange => true;

        protected override void End()
        {
            if (_changed.Count > 0) Waiting.Run(this, Api, _changed, liveOnly: false, WaitTimeout, emit: PassThru);
        }

        // Shared fields (checked in CheckInput).
        internal void AddName(Service current, Changes changes, string? name)
        {
            if (!Given("Name")) return;
            changes.Add("name", name, "Name", current.Name, name);
        }

        internal void AddCostCentre(Service current, Changes changes, string? costCentre)
        {
            if (!Given("CostCentre")) return;
            changes.Add("costCentre", costCentre ?? "", "CostCentre", current.CostCentre, costCentre);
        }

        internal void AddTerm(Service current, Changes changes, int term)
        {
            if (!Given("Term")) return;
            changes.Add("term", term, "Term", current.Term, term);
        }
    }
}

namespace Megaport.Infrastructure
{
    /// <summary>Set- for ports, MCRs and MVEs: the settings they share (name, cost centre, marketplace visibility, term).</summary>
    public abstract class SetPortLikeCmdlet : SetServiceCmdlet
    {
        [Parameter]
        [AllowEmptyString]
        public string? Name { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? CostCentre { get; set; }

        [Parameter]
        public bool MarketplaceVisibility { get; set; }

        /// <summary>New contract term in months: 1, 12, 24, 36, 48 or 60.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completers.TermCompleter))]
        public int Term { get; set; }

        internal override void Describe(Service current, Changes changes)
        {
            AddName(current, changes, Name);
            AddCostCentre(current, changes, CostCentre);
            if (Given(nameof(MarketplaceVisibility)))
            {
                var old = current switch { Port p => p.MarketplaceVisibility, Mcr m => m.MarketplaceVisibility, Mve v => v.MarketplaceVisibility, _ => (bool?)null };
                changes.Add("marketplaceVisibility", MarketplaceVisibility, "MarketplaceVisibility", old, MarketplaceVisibility);
            }
            AddTerm(current, changes, Term);
            DescribeMore(current, changes);
        }

        /// <summary>Settings of one kind only (an MCR's ASN, an MVE's vNICs).</summary>
        internal virtual void DescribeMore(Service current, Changes changes) { }
    }
}
