using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Cmdlets
{
    /// <summary>Base of the cmdlets of a NAT gateway's parts (its lists, its routes): the gateway by -ProductUid, a gateway object pipes in.</summary>
    public abstract class NatGatewayPartCmdlet : PerItemCmdlet
    {
        /// <summary>The NAT gateway (a UID, or an object with a ProductUid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;
    }

    /// <summary>
    /// Base of the cmdlets of a NAT gateway's packet filters and prefix lists: a list is named by -Id or by its
    /// -Description (its name in the API), and read or written whole.
    /// </summary>
    public abstract class NatGatewayListCmdlet : NatGatewayPartCmdlet
    {
        internal abstract NatGatewayList List { get; }

        /// <summary>Reads one list in full (with its entries).</summary>
        internal async Task<object> ReadAsync(MegaportApi api, string uid, int id, CallContext ctx) => List == NatGatewayList.PacketFilters
            ? await api.GetPacketFilterAsync(uid, id, ctx).ConfigureAwait(false)
            : await api.GetPrefixListAsync(PrefixListOwner.NatGateway, uid, id, ctx).ConfigureAwait(false);

        /// <summary>Creates a list (<paramref name="id"/> null) or replaces one, from its spec.</summary>
        internal async Task<object> WriteAsync(MegaportApi api, string uid, int? id, object spec, CallContext ctx) => spec is PacketFilterSpec filter
            ? await api.SetPacketFilterAsync(uid, id, filter, ctx).ConfigureAwait(false)
            : await api.SetPrefixListAsync(PrefixListOwner.NatGateway, uid, id, (PrefixListSpec)spec, ctx).ConfigureAwait(false);

        internal string Word => List == NatGatewayList.PacketFilters ? "packet filter" : "prefix list";

        internal string Target(int id, string description) => $"{Word} '{description}' ({id}) of NAT gateway {ProductUid}";

        /// <summary>The id and description of the list named by <paramref name="id"/> or, when that is null, by its exact description.</summary>
        internal (int Id, string Description) Find(int? id, string? description)
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            if (id is int given && given < 1) throw MegaportException.InvalidArgument($"-Id {given} is not a {Word} id (1 or more).", given);
            var api = Api;
            var uid = ProductUid;
            var all = Run(ctx => api.GetNatGatewayListsAsync(List, uid, ctx));
            var found = id is int i ? all.Where(l => l.Id == i).ToList() : all.Where(l => string.Equals(l.Description, description, StringComparison.Ordinal)).ToList();
            var named = id is int n ? $"id {n}" : $"description '{description}'";
            if (found.Count == 0)
                throw new MegaportException(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, $"NAT gateway {uid} has no {Word} with {named}.", (object?)id ?? description)
                { RecommendedAction = $"Get-{NounOf(List)} -ProductUid {uid} lists them." };
            if (found.Count > 1)
                throw MegaportException.InvalidArgument($"NAT gateway {uid} has {found.Count} {Word}s with {named}; name one by -Id ({string.Join(", ", found.Select(f => f.Id))}).", description);
            return found[0];
        }

        internal static string NounOf(NatGatewayList list) => list == NatGatewayList.PacketFilters ? "MegaportNatGatewayPacketFilter" : "MegaportNatGatewayPrefixList";

        internal static void CheckDescription(string? description, string what = "Description")
        {
            if (string.IsNullOrWhiteSpace(description)) throw MegaportException.InvalidArgument($"-{what} must not be empty.", description);
            Check.Text(description, what);
        }

        /// <summary>
        /// -Entry items as key/value fields: each a hashtable, an ordered dictionary, a PSCustomObject (ConvertFrom-Json)
        /// or an entry read back by a Get- cmdlet, whose keys are the entry type's property names (any case).
        /// </summary>
        internal static IEnumerable<Dictionary<string, JValue>> Entries(object[]? entries, Type entryType)
        {
            if (entries == null || entries.Length == 0) throw MegaportException.InvalidArgument("-Entry must hold at least one entry.", entries);
            var keys = entryType.GetProperties().Select(p => p.Name).ToArray();
            for (var i = 0; i < entries.Length; i++)
            {
                var what = $"-Entry[{i}]";
                var fields = new Dictionary<string, JValue>(StringComparer.Ordinal);
                foreach (var property in PSJson.ToObject(entries[i], what).Properties())
                {
                    var key = keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase))
                        ?? throw MegaportException.InvalidArgument($"{what} has a key '{property.Name}' that entries do not have; use {string.Join(", ", keys)}.", property.Name);
                    if (property.Value is JValue { Value: null }) continue;
                    fields[key] = property.Value as JValue
                        ?? throw MegaportException.InvalidArgument($"{what}.{key} must be text or a number.", property.Name);
                }
                yield return fields;
            }
        }

        internal static string? Text(Dictionary<string, JValue> fields, string key) =>
            fields.TryGetValue(key, out var v) ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null : null;

        internal static string Action(Dictionary<string, JValue> fields, string what) => Text(fields, "Action")?.ToLowerInvariant() switch
        {
            "permit" => "permit",
            "deny" => "deny",
            var a => throw MegaportException.InvalidArgument($"{what}.Action '{a}' must be permit or deny.", a),
        };
    }

    /// <summary>Set- and Remove- of a packet filter or prefix list: it is named by -Id (also from the pipeline) or by -Description.</summary>
    public abstract class NatGatewayListItemCmdlet : NatGatewayListCmdlet
    {
        internal const string ById = "ById";
        internal const string ByDescription = "ByDescription";

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary>Its description, exactly (descriptions are its name in the API).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDescription)]
        public string Description { get; set; } = null!;

        internal (int Id, string Description) FindOne() => Find(ParameterSetName == ById ? Id : null, Description);
    }

    /// <summary>Get- of packet filters or prefix lists: every one of the gateway's, or those of an -Id or a -Description (wildcards).</summary>
    public abstract class GetNatGatewayListCmdlet : NatGatewayListCmdlet
    {
        [Parameter]
        public int Id { get; set; }

        [Parameter]
        [SupportsWildcards]
        public string? Description { get; set; }

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            var api = Api;
            var uid = ProductUid;
            var pattern = Wildcards.Pattern(Description);
            var wanted = Run(ctx => api.GetNatGatewayListsAsync(List, uid, ctx))
                .Where(l => (!Given(nameof(Id)) || l.Id == Id) && (pattern == null || pattern.IsMatch(l.Description))).ToList();
            if (Given(nameof(Id)) && wanted.Count == 0)
                throw new MegaportException(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, $"NAT gateway {uid} has no {Word} with id {Id}.", Id);
            foreach (var l in wanted)
            {
                var id = l.Id;
                WriteObject(Run(ctx => ReadAsync(api, uid, id, ctx)));
            }
        }
    }

    /// <summary>New- of a packet filter or prefix list: its -Description (name) and -Entry, checked before any request.</summary>
    public abstract class NewNatGatewayListCmdlet : NatGatewayListCmdlet
    {
        /// <summary>The list's name (its description in the API).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string Description { get; set; } = null!;

        /// <summary>The entries, in order: hashtables or objects with the keys of the entry type.</summary>
        [Parameter(Mandatory = true)]
        [AllowEmptyCollection]
        public object[] Entry { get; set; } = null!;

        /// <summary>The spec to send, and what the confirmation calls it ("packet filter 'web' with 2 entries").</summary>
        internal abstract (object Spec, string What) Build();

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            CheckDescription(Description);
            var (spec, what) = Build();
            if (!ShouldChange($"NAT gateway {ProductUid}", $"Create {what}")) return;
            var api = Api;
            var uid = ProductUid;
            WriteObject(Run(ctx => WriteAsync(api, uid, null, spec, ctx)));
        }
    }

    /// <summary>
    /// Set- of a packet filter or prefix list. The API replaces a list whole, so the current one is read and sent back
    /// with the changes; the confirmation lists only what changes, old -> new.
    /// </summary>
    public abstract class SetNatGatewayListCmdlet : NatGatewayListItemCmdlet
    {
        /// <summary>A new description (name).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? NewDescription { get; set; }

        /// <summary>The new entries, replacing all of the current ones.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? Entry { get; set; }

        /// <summary>Emit the changed list.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Checks what was given before any request (the entries above all); false when nothing is to change.</summary>
        internal abstract bool CheckChanges();

        /// <summary>The parameters that change something, for the "nothing to change" message.</summary>
        internal virtual string Changes => "-NewDescription, -Entry or both";

        /// <summary>The whole list to send: the current one with the changes, each added to <paramref name="lines"/>.</summary>
        internal abstract object Describe(object current, ChangeLines lines);

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            if (Given(nameof(NewDescription))) CheckDescription(NewDescription, nameof(NewDescription));
            if (!CheckChanges()) throw MegaportException.InvalidArgument($"Nothing to change: give {Changes}.", ProductUid);
            var (id, description) = FindOne();
            var api = Api;
            var uid = ProductUid;
            var current = Run(ctx => ReadAsync(api, uid, id, ctx));
            var lines = new ChangeLines();
            var spec = Describe(current, lines);
            if (lines.Count == 0) throw MegaportException.InvalidArgument($"Nothing to change on {Target(id, description)}.", ProductUid);
            if (!ShouldChange(Target(id, description), $"Change {lines}")) return;
            var updated = Run(ctx => WriteAsync(api, uid, id, spec, ctx));
            if (PassThru) WriteObject(updated);
        }
    }

    /// <summary>Remove- of a packet filter or prefix list (High impact: -Force skips the prompt, -WhatIf still wins).</summary>
    public abstract class RemoveNatGatewayListCmdlet : NatGatewayListItemCmdlet
    {
        /// <summary>Do not ask for confirmation (-WhatIf still only shows what would happen).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            var (id, description) = FindOne();
            if (!ShouldChange(Target(id, description), "Delete", Force)) return;
            var api = Api;
            var uid = ProductUid;
            var list = List;
            Run(ctx => api.DeleteNatGatewayListAsync(list, uid, id, ctx));
            WriteVerbose($"Deleted {Target(id, description)}.");
        }
    }
}
