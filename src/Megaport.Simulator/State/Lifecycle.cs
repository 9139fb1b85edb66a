namespace Megaport.Simulator.State;

/// <summary>Status changes that are more than the timed DEPLOYABLE → CONFIGURED → LIVE walk.</summary>
public static class Lifecycle
{
    public static bool IsPendingApproval(Service s) =>
        s is VxcService { Approval.Status: var st } && st.StartsWith("PENDING", StringComparison.Ordinal);

    /// <summary>Marks a new VXC as waiting for the other party; it stays DEPLOYABLE until approved.</summary>
    public static void HoldForApproval(SimulatorState state, VxcService v, string message)
    {
        v.Approval = new VxcApproval { Uid = Guid.NewGuid().ToString(), Status = "PENDING_EXTERNAL", Message = message, Type = "NEW" };
        state.StopProvisioning(v);
        v.Status = ProvisioningStatus.Deployable;
    }

    public static void Approve(SimulatorState state, VxcService v)
    {
        v.Approval = null;
        state.StartProvisioning(v);
    }

    /// <summary>A rejected order never goes live; it ends up decommissioned.</summary>
    public static void Reject(SimulatorState state, VxcService v)
    {
        v.Approval = null;
        Decommission(state, v);
    }

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
        if (s is VxcService v && status != ProvisioningStatus.Deployable) v.Approval = null;
        s.Status = status;
        state.Changed();
    }
}
