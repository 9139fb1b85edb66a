using System.Management.Automation;
using Megaport.Ordering;

namespace Megaport.Cmdlets
{
    /// <summary>Lock-MegaportService: locks services so that they refuse changes and removal until unlocked.</summary>
    [Cmdlet(VerbsCommon.Lock, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Service))]
    public sealed class LockMegaportServiceCommand : ServiceLockCmdlet
    {
        internal override bool Locks => true;
    }

    /// <summary>Unlock-MegaportService: unlocks services locked with Lock-MegaportService.</summary>
    [Cmdlet(VerbsCommon.Unlock, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Service))]
    public sealed class UnlockMegaportServiceCommand : ServiceLockCmdlet
    {
        internal override bool Locks => false;
    }

    /// <summary>Lock- and Unlock-MegaportService: one service already in the wanted state is left alone with a warning.</summary>
    public abstract class ServiceLockCmdlet : ServicesCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal abstract bool Locks { get; }

        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(uid, ctx));
            var kind = KindOf(service);
            if (service.Locked == Locks)
            {
                WriteWarning($"The {kind} '{service.Name}' ({uid}) is already {(Locks ? "locked" : "unlocked")}.");
            }
            else
            {
                if (!ShouldChange($"{kind} '{service.Name}' ({uid})", Locks ? "Lock" : "Unlock")) return;
                Run(ctx => api.SetLockAsync(uid, Locks, ctx));
            }
            if (PassThru) WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
        });
    }
}
