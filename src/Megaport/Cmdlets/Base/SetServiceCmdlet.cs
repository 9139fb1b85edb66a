using System;
using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
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

        /// <summary>The kind of product this cmdlet changes.</summary>
        internal abstract ProductDescriptor Product { get; }

        /// <summary>The requested change (checked against the service), with a line per setting for the confirmation.</summary>
        internal abstract ServiceChange Describe(Service current, ChangeLines lines);

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
            var current = ReadForChange(ProductUid, Product);
            var lines = new ChangeLines();
            var change = Describe(current, lines);
            if (lines.Count == 0)
                throw MegaportException.InvalidArgument($"Nothing to change on '{current.Name}': give at least one of the {Product.Noun}'s settings.", ProductUid);
            if (!ShouldChange($"{Product.Noun} '{current.Name}' ({current.ProductUid})", $"Change {lines}")) return;
            var api = Api;
            var updated = Run(async ctx =>
            {
                // The product's own fields go in one PUT; a change made elsewhere (an MCR's add-on) comes after it.
                if (RequestJson.ToToken(change) is Newtonsoft.Json.Linq.JObject { Count: > 0 }) await api.UpdateAsync(current, change, ctx).ConfigureAwait(false);
                await ApplyMoreAsync(api, current, ctx).ConfigureAwait(false);
                return await api.GetServiceAsync(current.ProductUid, ctx).ConfigureAwait(false);
            });
            WriteVerbose($"Changed {Product.Noun} '{current.Name}': {lines}.");
            if (WaitsAfterChange) _changed.Add(updated);
            else if (PassThru) WriteObject(updated);
        }

        /// <summary>Changes that are not fields of the product's PUT (an MCR's IPsec add-on), sent after it.</summary>
        internal virtual System.Threading.Tasks.Task ApplyMoreAsync(Api.MegaportApi api, Service current, Transport.CallContext ctx) => System.Threading.Tasks.Task.CompletedTask;

        /// <summary>Whether the change is provisioned and waited for (a rejected VXC is simply gone).</summary>
        internal virtual bool WaitsAfterChange => true;

        protected override void End()
        {
            if (_changed.Count > 0) Waiting.Run(this, Api, _changed, liveOnly: false, WaitTimeout, emit: PassThru);
        }

        // The settings every service has (checked in CheckInput), each added when given; the order of the calls
        // is the order of the confirmation text.
        internal void DescribeName(Service current, ServiceChange change, ChangeLines lines, string? name)
        {
            if (!Given("Name")) return;
            change.Name = name;
            lines.Add("Name", current.Name, name);
        }

        internal void DescribeCostCentre(Service current, ServiceChange change, ChangeLines lines, string? costCentre)
        {
            if (!Given("CostCentre")) return;
            change.CostCentre = costCentre ?? "";
            lines.Add("CostCentre", current.CostCentre, costCentre);
        }

        internal void DescribeTerm(Service current, ServiceChange change, ChangeLines lines, int term)
        {
            if (!Given("Term")) return;
            change.Term = term;
            lines.Add("Term", current.Term, term);
        }
    }

    /// <summary>Set- for ports, MCRs and MVEs: the settings they share (name, cost centre, marketplace visibility, term).</summary>
    public abstract class SetLocatedServiceCmdlet : SetServiceCmdlet
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

        /// <summary>A new change object of this product's kind.</summary>
        internal abstract LocatedServiceChange NewChange();

        internal override ServiceChange Describe(Service current, ChangeLines lines)
        {
            var change = NewChange();
            DescribeName(current, change, lines, Name);
            DescribeCostCentre(current, change, lines, CostCentre);
            if (Given(nameof(MarketplaceVisibility)))
            {
                change.MarketplaceVisibility = MarketplaceVisibility;
                lines.Add("MarketplaceVisibility", ((LocatedService)current).MarketplaceVisibility, MarketplaceVisibility);
            }
            DescribeTerm(current, change, lines, Term);
            DescribeMore(current, change, lines);
            return change;
        }

        /// <summary>Settings of one kind only (an MCR's ASN, an MVE's vNICs).</summary>
        internal virtual void DescribeMore(Service current, LocatedServiceChange change, ChangeLines lines) { }
    }
}
