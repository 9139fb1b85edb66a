using System;
using System.Collections.Generic;
using System.Management.Automation;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Products;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// A cmdlet that works item by item (orders, changes, removals): a failure for one item is a non-terminating
    /// error and the pipeline goes on with the next; only "not connected", refused credentials and the module's own
    /// bugs stop it.
    /// </summary>
    public abstract class PerItemCmdlet : MegaportApiCmdlet
    {
        /// <summary>Handles one pipeline item. Throw MegaportException for bad input or a failed call.</summary>
        protected abstract void ProcessItem();

        protected sealed override void Process()
        {
            try
            {
                ProcessItem();
            }
            catch (MegaportException ex) when (ex.IsItemFailure)
            {
                WriteError(ex);
            }
        }

        /// <summary>Runs <paramref name="action"/> for each item; a failure for one is a non-terminating error and the rest go on.</summary>
        internal void Each<T>(IEnumerable<T> items, Action<T> action)
        {
            foreach (var item in items)
            {
                try { action(item); }
                catch (MegaportException ex) when (ex.IsItemFailure)
                {
                    WriteError(ex);
                }
            }
        }

        /// <summary>"port", "LAG port", "AWS VXC", "IX", "MCR", "MVE", or the API's product type.</summary>
        internal static string KindOf(Service s) => Products.Products.Of(s).DisplayKind(s);

        /// <summary>Reads a service for a change, or a clear error: not found, not changeable, wrong kind, or no longer active.</summary>
        internal Service ReadForChange(string productUid, ProductDescriptor expected)
        {
            Check.Uid(productUid, "ProductUid");
            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(productUid, ctx));
            var product = Products.Products.Of(service);
            if (product.UpdatePath(productUid) == null)
                throw new MegaportException(ErrorIds.NotSupported, ErrorCategory.NotImplemented,
                    $"'{service.Name}' ({productUid}) is a {service.ProductType} service: {product.NotChangeableReason}.", productUid)
                { RecommendedAction = $"Ask Megaport support to change or migrate a {service.ProductType} service." };
            if (product != expected)
                throw MegaportException.InvalidArgument($"'{service.Name}' ({productUid}) is a {service.ProductType}, not a {expected.Noun}.", productUid);
            if (service.IsInactive)
                throw MegaportException.InvalidArgument($"'{service.Name}' ({productUid}) is {service.ProvisioningStatus}; it cannot be changed.", productUid);
            return service;
        }

        /// <summary>
        /// The one confirmation gate of every changing cmdlet. What-if in any form (a bound -WhatIf,
        /// $WhatIfPreference, a caller's -WhatIf flowing into a script) always wins; -Force only skips the prompt.
        /// </summary>
        internal bool ShouldChange(string target, string action, bool force = false)
        {
            if (force && !WhatIfInEffect()) return true;
            return ShouldProcess(target, action);
        }

        bool WhatIfInEffect()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
                return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }

        /// <summary>Whether the caller gave <paramref name="parameter"/> (so that 0, $false or '' count as given).</summary>
        internal bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }

    /// <summary>A per-item cmdlet that takes one or more services by UID (or objects with a ProductUid) from the pipeline.</summary>
    public abstract class ServicesCmdlet : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "ServiceUid")]
        [Transformations.ProductUidTransformation(AllowMany = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completers.ServiceCompleter))]
        public string[] ProductUid { get; set; } = null!;
    }
}
