using System;
using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Ordering;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// What a wait ends in, for New-*, Set-* and Wait-MegaportService alike: ready services are emitted (when
    /// <c>emit</c>), pending approvals warn, failures and timeouts are non-terminating errors naming the service.
    /// </summary>
    internal static class Waiting
    {
        public static void Run(MegaportCmdlet cmdlet, MegaportApi api, IReadOnlyList<Service> services, bool liveOnly, TimeSpan timeout, bool emit)
        {
            var waiter = new ServiceWaiter(api, liveOnly, timeout);
            cmdlet.Run(ctx => waiter.WaitAsync(services, (service, outcome) =>
            {
                switch (outcome)
                {
                    case WaitOutcome.Ready:
                        if (emit) cmdlet.Emit(service);
                        break;
                    case WaitOutcome.PendingApproval:
                        cmdlet.Warn($"VXC '{service.Name}' ({service.ProductUid}) is waiting for approval by the other party " +
                                    $"({((Vxc)service).ApprovalStatus}). It goes live once approved; Wait-MegaportService waits for it.");
                        if (emit) cmdlet.Emit(service);
                        break;
                    case WaitOutcome.Failed:
                        cmdlet.Fail(new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                            $"'{service.Name}' ({service.ProductUid}) ended up {service.ProvisioningStatus} instead of being provisioned.", service));
                        break;
                    case WaitOutcome.TimedOut:
                        cmdlet.Fail(new MegaportException(ErrorIds.WaitTimeout, ErrorCategory.OperationTimeout,
                            $"'{service.Name}' ({service.ProductUid}) is still {service.ProvisioningStatus ?? "being provisioned"} after {timeout}. " +
                            "The order exists and will not be placed again.", service)
                        { RecommendedAction = $"Wait-MegaportService -ProductUid {service.ProductUid} waits longer." });
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
                }
            }, cmdlet.Report, ctx));
        }
    }
}
