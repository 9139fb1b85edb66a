using System.Text.Json;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

/// <summary>A physical port; LAG members share an aggregation id, and one of them is the LAG's primary.</summary>
public sealed class PortService : PortLikeService
{
    public int LagId { get; set; }
    public int AggregationId { get; set; }
    public bool LagPrimary { get; set; }
    public bool IsLagMember => AggregationId != 0;
    /// <summary>A LAG member that is not the primary: VXCs and IXs must use the primary instead.</summary>
    public bool IsLagSecondary => IsLagMember && !LagPrimary;

    public override bool VxcMayLoop => true;

    public LagFields Lag => new(LagPrimary, LagId, AggregationId);

    /// <summary>Every member of this port's LAG, the primary included (meaningful for LAG ports only).</summary>
    public IEnumerable<PortService> LagMembers(SimulatorState state) =>
        state.AllTopLevel.OfType<PortService>().Where(m => m.AggregationId == AggregationId);

    /// <summary>A LAG primary carries the speed of every active member.</summary>
    public override int VxcCapacity(SimulatorState state) =>
        LagPrimary ? LagMembers(state).Where(m => m.IsActive).Sum(m => m.Speed) : Speed;

    /// <summary>CANCEL_NOW on a LAG primary takes the whole LAG.</summary>
    public override IEnumerable<Service> CancelledWith(SimulatorState state) => LagPrimary ? LagMembers(state).ToList() : [this];

    public static void Write(ProductJson json, Utf8JsonWriter w, PortService p) => PortLikeJson.WritePort(json, w, p, p.Lag, connectType: null);
}
