using Megaport.Simulator.State;
using Megaport.Simulator.Validation;
using static Megaport.Simulator.Validation.OrderRules;

namespace Megaport.Simulator.Products;

/// <summary>The VXC kind's registration and PUT: fields, approval decisions, and moving an end to another product.</summary>
public static class VxcProduct
{
    // Declared before Kind, which reads it while the class initialises.
    private static readonly ObjectShape UpdateFields = Shape.Fields(
            "name", "rateLimit", "costCentre", "shutdown", "term", "aEndVlan", "bEndVlan", "aEndInnerVlan", "bEndInnerVlan",
            "aEndProductUid", "bEndProductUid", "isApproved", "aVnicIndex", "bVnicIndex")
        .With("aEndConfig", VxcPartnerRules.ConfigShape).With("bEndConfig", VxcPartnerRules.ConfigShape);

    public static readonly ProductKind Kind = new ProductKind<VxcService>
    {
        Type = "VXC",
        Word = "VXC",
        AttachedAs = "associatedVxcs",
        Write = VxcService.Write,
        Order = new OrderRule(VxcOrder.Plan, VxcOrder.Fields, (state, w, s) => VxcOrderRecord.Write(w, state, (VxcService)s)),
        Telemetry = new TelemetrySpec("/v2/product/vxc", s => ((VxcService)s).RateLimit, SubtypeCase.Lower,
            "A_BITS", "B_BITS", "A_PACKETS", "B_PACKETS"),
        Update = new UpdateRule<VxcService>("/v3/product/vxc/{uid}", UpdateFields, Update, VxcService.Write),
        // Internet (TRANSIT) VXCs can only go at once; other VXCs may be cancelled at the end of the term.
        CancelLater = (state, v) => state.PartnersByUid.GetValueOrDefault(v.B.ProductUid)?.ConnectType == "TRANSIT" ? "Transit VXC" : null,
    };

    private static void Update(SimulatorState state, VxcService v, JsonFields f)
    {
        // Approval decisions (marketplace): true approves, false rejects.
        if (f.Bool("isApproved") is bool approved)
        {
            if (!v.IsPendingApproval) throw f.Fail($"VXC {v.Uid} has no pending approval");
            if (approved) VxcApprovals.Approve(state, v); else VxcApprovals.Reject(state, v);
            return;
        }
        if (f.Has("name")) v.Name = Name(f, "name");
        if (f.Has("costCentre")) v.CostCentre = CostCentre(f);
        if (f.Int("term") is int term and not 0)
        {
            CheckTerm(f, term);
            v.Term = term;
        }

        // Work out the new ends first, then check speeds and VLANs against them, then apply everything.
        var aUid = MoveTarget(state, f, v.A.ProductUid, "aEndProductUid");
        var bUid = MoveTarget(state, f, v.B.ProductUid, "bEndProductUid");
        var aProduct = state.Services.GetValueOrDefault(aUid) as PortLikeService;
        var bProduct = state.Services.GetValueOrDefault(bUid) as PortLikeService;
        var partner = state.PartnersByUid.GetValueOrDefault(bUid);

        var rate = f.Int("rateLimit") ?? v.RateLimit;
        if (rate <= 0) throw f.Fail($"rateLimit must be greater than 0 (got {rate})");
        if (aProduct is not null && rate > aProduct.VxcCapacity(state))
            throw f.Fail($"rateLimit {rate} exceeds the A-End {aProduct.Descriptor.EndWord} speed {aProduct.VxcCapacity(state)}");
        if (bProduct is not null && rate > bProduct.VxcCapacity(state))
            throw f.Fail($"rateLimit {rate} exceeds the B-End {bProduct.Descriptor.EndWord} speed {bProduct.VxcCapacity(state)}");
        if (partner is not null && rate > partner.MaxVxcSpeed)
            throw f.Fail($"rateLimit {rate} exceeds the B-End maximum VXC speed {partner.MaxVxcSpeed} of {partner.Title}");

        var aVlan = EndVlan(state, f, v, aProduct, aUid != v.A.ProductUid, "aEndVlan", v.A.Vlan, otherEndSameProduct: bUid == aUid ? v.B.Vlan : null);
        var bVlan = partner is not null
            ? CheckedVlan(f, "bEndVlan", v.B.Vlan)
            : EndVlan(state, f, v, bProduct, bUid != v.B.ProductUid, "bEndVlan", v.B.Vlan, otherEndSameProduct: aUid == bUid ? aVlan : null);
        var aInner = f.Has("aEndInnerVlan") ? InnerVlan(f, "aEndInnerVlan") : v.A.InnerVlan;
        var bInner = f.Has("bEndInnerVlan") ? InnerVlan(f, "bEndInnerVlan") : v.B.InnerVlan;
        var aNic = VnicIndex(f, "aVnicIndex", aProduct, v.A.VNicIndex);
        var bNic = VnicIndex(f, "bVnicIndex", bProduct, v.B.VNicIndex);
        // Each config replaces that end's interfaces; both are checked before anything changes.
        var aConfig = f.Obj("aEndConfig");
        if (aConfig is not null)
        {
            if (aProduct is not IVirtualRouter aRouter) throw f.Fail("aEndConfig is only allowed when the A-End is an MCR or a NAT gateway (vRouter configuration)");
            VxcVRouterRules.Check(f, aConfig, "aEndConfig", VRouterEnd.AEnd(state, aRouter, partner, partner?.Title ?? bProduct?.Name ?? bUid, except: v));
        }
        var bConfig = f.Obj("bEndConfig");
        if (bConfig is not null)
        {
            if (bProduct is not IVirtualRouter bRouter) throw f.Fail("bEndConfig is only allowed when the B-End is an MCR or a NAT gateway (vRouter configuration)");
            VxcVRouterRules.Check(f, bConfig, "bEndConfig", VRouterEnd.BEnd(state, bRouter, except: v));
        }
        if (aConfig is not null) v.APartnerConfig = aConfig.DeepClone().AsObject();
        if (bConfig is not null) v.BPartnerConfig = bConfig.DeepClone().AsObject();

        if (aUid != v.A.ProductUid) state.Reattach(v, () => v.A.ProductUid = aUid);
        if (bUid != v.B.ProductUid) state.Reattach(v, () => v.B.ProductUid = bUid);
        v.RateLimit = rate;
        if (f.Bool("shutdown") is bool shutdown) v.Shutdown = shutdown;
        v.A.Vlan = aVlan;
        v.B.Vlan = bVlan;
        v.A.InnerVlan = aInner;
        v.B.InnerVlan = bInner;
        v.A.VNicIndex = aNic;
        v.B.VNicIndex = bNic;
    }

    /// <summary>The product an end moves to (or the current one). Moves onto or off virtual products fail like the real API.</summary>
    private static string MoveTarget(SimulatorState state, JsonFields f, string current, string field)
    {
        var target = f.Str(field);
        if (string.IsNullOrEmpty(target) || target.Equals(current, StringComparison.OrdinalIgnoreCase)) return current;
        if (!state.Services.TryGetValue(target, out var s) || s is not PortLikeService { TerminatesVxcs: true } p)
            throw f.Fail($"{field} {target} is not a Port, MCR or MVE of this account");
        if (!p.IsActive) throw f.Fail($"{field} {target} is {p.Status}");
        var from = state.Services.GetValueOrDefault(current);
        if (from is PortLikeService { VxcEndsMovable: false } || !p.VxcEndsMovable)
            throw f.Fail("virtual router service has a different linked interface");
        if (p is PortService { IsLagSecondary: true }) throw f.Fail($"{field} {target} is a LAG member; use the LAG's primary port");
        return p.Uid;
    }

    private static int CheckedVlan(JsonFields f, string key, int current)
    {
        if (!f.Has(key)) return current;
        var vlan = f.Int(key)!.Value;
        CheckVlan(f, key, vlan);
        return vlan;
    }

    private static int EndVlan(SimulatorState state, JsonFields f, VxcService v, PortLikeService? product, bool moved, string key, int current, int? otherEndSameProduct)
    {
        if (product is null) return CheckedVlan(f, key, current);
        if (!f.Has(key) && !moved) return current;
        var vlan = CheckedVlan(f, key, current);
        if (!product.TracksVlans) return vlan;
        var used = state.VlansInUse(product.Uid, except: v).Select(x => x.Vlan).ToHashSet();
        if (otherEndSameProduct is int other) used.Add(other);
        if (vlan == 0) vlan = Enumerable.Range(2, 4092).First(x => !used.Contains(x));
        else if (used.Contains(vlan)) throw f.Fail($"{key} {vlan} is already in use on {product.Descriptor.EndWord} {product.Name} ({product.Uid})");
        return vlan;
    }

    private static int? VnicIndex(JsonFields f, string key, PortLikeService? product, int? current)
    {
        var index = f.Int(key);
        if (index is null) return product?.VnicCount is not null ? current ?? 0 : current;
        if (product?.VnicCount is not int count) throw f.Fail($"{key} is only valid for an MVE end");
        if (index < 0 || index >= count) throw f.Fail($"{key} {index} is out of range (the {product.Descriptor.EndWord} has {count} vNICs)");
        return index;
    }
}
