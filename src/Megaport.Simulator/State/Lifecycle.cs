using Megaport.Simulator.Products;

namespace Megaport.Simulator.State;

/// <summary>Status changes that are more than the timed DEPLOYABLE → CONFIGURED → LIVE walk (approvals: see VxcApprovals).</summary>
public static class Lifecycle
{
    public static void Decommission(SimulatorState state, Service s)
    {
        state.StopProvisioning(s);
        s.Status = ProvisioningStatus.Decommissioned;
        s.TerminateDate = state.Now;
        s.StatusBeforeCancel = null;
        state.Changed();
    }

    public static void ForceStatus(SimulatorState state, Service s, string status)
    {
        state.StopProvisioning(s);
        if (status == ProvisioningStatus.Decommissioned) s.TerminateDate = state.Now;
        if (status == ProvisioningStatus.Live) s.LiveDate ??= state.Now;
        s.OnStatusForced(status);
        s.Status = status;
        state.Changed();
    }
}
