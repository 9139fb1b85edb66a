using System;
using System.Collections.Generic;
using System.Linq;
using Megaport.Errors;
using Newtonsoft.Json.Linq;

namespace Megaport.Designs
{
    /// <summary>The kinds of resource a design holds, in the order they are bought (a VXC or an IX needs its ends first).</summary>
    internal enum DesignKind { Port, Mcr, Mve, NatGateway, Vxc, Ix }

    internal static class DesignKinds
    {
        /// <summary>The design file's list key of each kind (the CLI's ports, mcrs, mves, vxcs; ours beyond them).</summary>
        public static string ListKey(DesignKind kind) => kind switch
        {
            DesignKind.Port => "ports",
            DesignKind.Mcr => "mcrs",
            DesignKind.Mve => "mves",
            DesignKind.NatGateway => "nat_gateways",
            DesignKind.Vxc => "vxcs",
            DesignKind.Ix => "ixs",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        /// <summary>The type in a {{.type.name}} reference (the CLI's port, mcr, mve; ours beyond them).</summary>
        public static string ReferenceType(DesignKind kind) => kind switch
        {
            DesignKind.Port => "port",
            DesignKind.Mcr => "mcr",
            DesignKind.Mve => "mve",
            DesignKind.NatGateway => "nat_gateway",
            DesignKind.Vxc => "vxc",
            DesignKind.Ix => "ix",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        public static readonly DesignKind[] All = { DesignKind.Port, DesignKind.Mcr, DesignKind.Mve, DesignKind.NatGateway, DesignKind.Vxc, DesignKind.Ix };

        /// <summary>Bought first, independently of each other: they sit at a location.</summary>
        public static bool IsLocated(DesignKind kind) => kind is DesignKind.Port or DesignKind.Mcr or DesignKind.Mve or DesignKind.NatGateway;

        public static DesignKind? FromReferenceType(string type) =>
            All.Where(k => string.Equals(ReferenceType(k), DesignFile.Canonical(type), StringComparison.Ordinal)).Select(k => (DesignKind?)k).FirstOrDefault();

        /// <summary>The product registry's descriptor of a kind.</summary>
        public static Products.ProductDescriptor Product(DesignKind kind) => kind switch
        {
            DesignKind.Port => Products.Products.Port,
            DesignKind.Mcr => Products.Products.Mcr,
            DesignKind.Mve => Products.Products.Mve,
            DesignKind.NatGateway => Products.Products.NatGateway,
            DesignKind.Vxc => Products.Products.Vxc,
            DesignKind.Ix => Products.Products.Ix,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        /// <summary>The kind of a service on the account, or null for products a design does not describe (MEGADIRECT).</summary>
        public static DesignKind? Of(Service service) => service switch
        {
            Port => DesignKind.Port,
            Mcr => DesignKind.Mcr,
            Mve => DesignKind.Mve,
            NatGateway => DesignKind.NatGateway,
            Vxc => DesignKind.Vxc,
            Ix => DesignKind.Ix,
            _ => null,
        };
    }

    /// <summary>
    /// One resource of a design: its kind, name, where it is in the file, and its settings under their canonical
    /// keys (opaque settings — partner configs, a vendor config, tags — keep their own keys).
    /// </summary>
    internal sealed class DesignResource
    {
        public DesignResource(DesignKind kind, int index, string name, JObject fields)
        {
            Kind = kind;
            Index = index;
            Name = name;
            Fields = fields;
        }

        public DesignKind Kind { get; }
        public int Index { get; }
        public string Name { get; }
        public JObject Fields { get; }

        /// <summary>"ports[0]".</summary>
        public string Source => $"{DesignKinds.ListKey(Kind)}[{Index}]";

        /// <summary>"ports[0] 'syd-edge-1'".</summary>
        public string Where => Name.Length > 0 ? $"{Source} '{Name}'" : Source;

        public JToken? Get(string key) => Fields.TryGetValue(key, out var t) && t.Type != JTokenType.Null ? t : null;
        public string? Str(string key) => Get(key)?.ToString();
        public int? Int(string key) => Get(key) is JToken t ? (int)t : null;
        public long? Long(string key) => Get(key) is JToken t ? (long)t : null;
        public bool? Bool(string key) => Get(key) is JToken t ? (bool)t : null;
        public JObject? Obj(string key) => Get(key) as JObject;
        public JArray? List(string key) => Get(key) as JArray;

        public override string ToString() => Where;
    }

    /// <summary>A design read from a file: its resources by kind, in file order, and the secret names it uses.</summary>
    internal sealed class Design
    {
        public List<DesignResource> Resources { get; } = new();
        public SortedSet<string> Secrets { get; } = new(StringComparer.Ordinal);

        public IEnumerable<DesignResource> Of(DesignKind kind) => Resources.Where(r => r.Kind == kind);

        public DesignResource? Find(DesignKind kind, string name) =>
            Resources.FirstOrDefault(r => r.Kind == kind && string.Equals(r.Name, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Every problem of a design, collected so that one run reports them all; each names its resource and field.
    /// </summary>
    internal sealed class DesignProblems
    {
        readonly List<MegaportException> _errors = new();

        public IReadOnlyList<MegaportException> Errors => _errors;
        public bool Any => _errors.Count > 0;

        public void Add(string where, string? field, string message, object? target = null) =>
            _errors.Add(MegaportException.InvalidArgument(field == null ? $"{where}: {message}" : $"{where}: {field}: {message}", target ?? where));

        /// <summary>An API refusal (validate, a lookup) of one resource, keeping its ErrorId.</summary>
        public void Add(MegaportException ex, string where) =>
            _errors.Add(new MegaportException(ex.ErrorId, ex.Category, $"{where}: {ex.Message}", where, ex)
            {
                Method = ex.Method, Path = ex.Path, StatusCode = ex.StatusCode, TraceId = ex.TraceId, ApiMessage = ex.ApiMessage, ApiData = ex.ApiData,
            });

        /// <summary>Runs a check that throws MegaportInvalidArgument and records its message instead.</summary>
        public void Try(string where, string? field, Action check)
        {
            try { check(); }
            catch (MegaportException ex) when (ex.ErrorId == ErrorIds.InvalidArgument || ex.ErrorId == ErrorIds.LocationNotFound)
            {
                Add(where, field, ex.Message.TrimStart('-'));
            }
        }

        /// <summary>The one error that stops a run after the others were written.</summary>
        public MegaportException Summary(string what) => MegaportException.InvalidArgument(
            $"The design has {_errors.Count} error{(_errors.Count == 1 ? "" : "s")}; {what}", null);
    }
}
