using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Megaport.Client;
using Megaport.Completers;
using Megaport.Infrastructure;

namespace Megaport.Commands
{
    /// <summary>
    /// Get-MegaportService: the services on the account (ports, VXCs, IXs, MCRs, MVEs, and any other product type),
    /// or the ones named by UID.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportService", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class GetMegaportServiceCommand : MegaportApiCmdlet
    {
        const string ListSet = "List";
        const string UidSet = "ByUid";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid", "TechnicalServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;

        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Port", "Vxc", "Ix", "Mcr", "Mve", IgnoreCase = true)]
        public string[]? ProductType { get; set; }

        /// <summary>Also DECOMMISSIONED and CANCELLED services (always shown when asked for by UID).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeInactive { get; set; }

        protected override void Process()
        {
            if (ParameterSetName != UidSet) return;
            var api = Api;
            foreach (var uid in ProductUid)
            {
                if (!Wildcards.IsValidUid(uid))
                {
                    WriteError(MegaportException.InvalidArgument(
                        $"'{uid}' is not a product UID (letters, digits and hyphens; wildcards belong in -Name).", uid));
                    continue;
                }
                try
                {
                    WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
                }
                catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
                {
                    WriteError(ex);
                }
            }
        }

        protected override void End()
        {
            if (ParameterSetName != ListSet) return;
            var session = CurrentSession;
            var api = Api;
            var name = Wildcards.Pattern(Name);
            var types = ProductType?.Select(TypeOf).ToArray();
            var seen = new List<KeyValuePair<string, string>>();
            Run(ctx => api.StreamServicesAsync(service =>
            {
                seen.Add(new KeyValuePair<string, string>(service.ProductUid, service.Name));
                if (!IncludeInactive && service.IsInactive) return;
                if (name != null && !name.IsMatch(service.Name)) return;
                if (types != null && !types.Contains(service.GetType())) return;
                Emit(service);
            }, ctx));
            session.ServiceNames = new CachedList<KeyValuePair<string, string>>(seen);
        }

        static Type TypeOf(string productType) => productType.ToUpperInvariant() switch
        {
            "PORT" => typeof(Port),
            "VXC" => typeof(Vxc),
            "IX" => typeof(Ix),
            "MCR" => typeof(Mcr),
            _ => typeof(Mve),
        };
    }

    /// <summary>Wait-MegaportService: waits until services are provisioned (after -NoWait, a change, or an approval).</summary>
    [Cmdlet(VerbsLifecycle.Wait, "MegaportService")]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class WaitMegaportServiceCommand : MegaportApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid", "TechnicalServiceUid")]
        [ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;

        /// <summary>How long to wait: a TimeSpan or a number of minutes (default 15).</summary>
        [Parameter]
        [TimeSpanTransformation]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Configured (default) accepts CONFIGURED or LIVE; Live waits for LIVE.</summary>
        [Parameter]
        [ValidateSet("Configured", "Live", IgnoreCase = true)]
        public string Status { get; set; } = "Configured";

        readonly List<Service> _services = new();

        protected override void Process()
        {
            var api = Api;
            foreach (var uid in ProductUid)
            {
                if (!Wildcards.IsValidUid(uid))
                {
                    WriteError(MegaportException.InvalidArgument($"'{uid}' is not a product UID.", uid));
                    continue;
                }
                try
                {
                    _services.Add(Run(ctx => api.GetServiceAsync(uid, ctx)));
                }
                catch (MegaportException ex) when (ex.ErrorId == ErrorIds.ServiceNotFound)
                {
                    WriteError(ex);
                }
            }
        }

        protected override void End()
        {
            if (_services.Count == 0) return;
            Waiting.Run(this, Api, _services, string.Equals(Status, "Live", StringComparison.OrdinalIgnoreCase), Timeout, emit: true);
        }
    }
}

namespace Megaport.Commands
{
    /// <summary>
    /// Remove-MegaportService: cancels services, at the end of their term (CANCEL) or at once with -Now
    /// (CANCEL_NOW). Ports, LAGs, MCRs, MVEs and Internet VXCs can only be removed at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class RemoveMegaportServiceCommand : ServicesCmdlet
    {
        /// <summary>Remove at once (CANCEL_NOW) instead of at the end of the term; early-termination charges may apply.</summary>
        [Parameter]
        public SwitchParameter Now { get; set; }

        /// <summary>Refuse to remove a port, MCR or MVE that still has VXCs or IXs attached.</summary>
        [Parameter]
        public SwitchParameter SafeDelete { get; set; }

        /// <summary>Do not ask for confirmation (-WhatIf still only shows what would happen).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit each service as it is after the removal (CANCELLED or DECOMMISSIONED).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            var (service, attached) = Run(ctx => api.GetServiceWithAttachedAsync(uid, ctx));
            var kind = KindOf(service);
            if (service.ProvisioningStatus == "DECOMMISSIONED")
                throw MegaportException.InvalidArgument($"The {kind} '{service.Name}' ({uid}) is already DECOMMISSIONED.", uid);
            if (!Now)
            {
                if (service is Port or Mcr or Mve || (service is Vxc { ConnectType: "TRANSIT" }))
                    throw MegaportException.InvalidArgument(
                        $"The {kind} '{service.Name}' ({uid}) cannot be cancelled at the end of its term; Megaport removes {Plural(service)} only at once: use -Now.", uid);
                if (service.ProvisioningStatus == "CANCELLED")
                    throw MegaportException.InvalidArgument(
                        $"The {kind} '{service.Name}' ({uid}) is already CANCELLED (ends with its term). Restore-MegaportService undoes that; -Now removes it at once.", uid);
            }
            var attachedText = attached.Count == 0 ? "" :
                $" with {attached.Count} attached service{(attached.Count == 1 ? "" : "s")}: {string.Join(", ", attached.Select(a => $"{KindOf(a)} '{a.Name}'"))}";
            if (SafeDelete && attached.Count > 0)
                throw MegaportException.InvalidArgument($"-SafeDelete: the {kind} '{service.Name}' ({uid}) still has{attachedText.Substring(5)}. Remove those first, or leave out -SafeDelete.", uid);

            var action = Now ? "CANCEL_NOW" : "CANCEL";
            var what = Now ? "Remove now (CANCEL_NOW; early-termination charges may apply)" : "Cancel at the end of its term (CANCEL)";
            if (!ShouldChange($"{kind} '{service.Name}' ({uid}){attachedText}", what, Force)) return;
            Run(ctx => api.ActionAsync(uid, action, SafeDelete, ctx));
            WriteVerbose($"{action} {kind} '{service.Name}' ({uid}).");
            if (PassThru) WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
        });

        static string Plural(Service s) => s switch
        {
            Port => "ports and LAGs",
            Mcr => "MCRs",
            Mve => "MVEs",
            _ => "Internet VXCs",
        };
    }

    /// <summary>Restore-MegaportService: takes back a cancellation scheduled with Remove-MegaportService (UN_CANCEL).</summary>
    [Cmdlet(VerbsData.Restore, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class RestoreMegaportServiceCommand : ServicesCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem() => Each(ProductUid, uid =>
        {
            Check.Uid(uid, nameof(ProductUid));
            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(uid, ctx));
            if (service.ProvisioningStatus != "CANCELLED")
                throw MegaportException.InvalidArgument(
                    $"'{service.Name}' ({uid}) is {service.ProvisioningStatus}; only a CANCELLED service (cancelled for the end of its term) can be restored.", uid);
            if (!ShouldChange($"{KindOf(service)} '{service.Name}' ({uid})", "Restore (UN_CANCEL)")) return;
            Run(ctx => api.ActionAsync(uid, "UN_CANCEL", false, ctx));
            if (PassThru) WriteObject(Run(ctx => api.GetServiceAsync(uid, ctx)));
        });
    }

    /// <summary>Lock-MegaportService: locks services so that they refuse changes and removal until unlocked.</summary>
    [Cmdlet(VerbsCommon.Lock, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
    public sealed class LockMegaportServiceCommand : ServiceLockCmdlet
    {
        internal override bool Locks => true;
    }

    /// <summary>Unlock-MegaportService: unlocks services locked with Lock-MegaportService.</summary>
    [Cmdlet(VerbsCommon.Unlock, "MegaportService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Port), typeof(Vxc), typeof(Ix), typeof(Mcr), typeof(Mve), typeof(Service))]
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
