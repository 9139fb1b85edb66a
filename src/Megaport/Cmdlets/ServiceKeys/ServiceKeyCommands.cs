using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Api.Requests;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>New-MegaportServiceKey: a key another Megaport customer can use to order a VXC to one of your ports.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportServiceKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ServiceKey))]
    public sealed class NewMegaportServiceKeyCommand : PerItemCmdlet
    {
        /// <summary>The port the key leads to (binds ProductUid from the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "PortUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>The largest rate limit (Mbps) a VXC ordered with the key may have.</summary>
        [Parameter(Mandatory = true)]
        public int MaxSpeed { get; set; }

        /// <summary>The key works for one VXC only; needs -Vlan.</summary>
        [Parameter]
        public SwitchParameter SingleUse { get; set; }

        /// <summary>The VLAN on your port for the VXC ordered with a single-use key (2-4093).</summary>
        [Parameter]
        public int Vlan { get; set; }

        /// <summary>VXCs ordered with the key need no approval from you.</summary>
        [Parameter]
        public SwitchParameter PreApproved { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        public DateTime? ValidFrom { get; set; }

        [Parameter]
        public DateTime? ValidTo { get; set; }

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            if (MaxSpeed <= 0) throw MegaportException.InvalidArgument($"-MaxSpeed {MaxSpeed} must be a positive number of Mbps.", MaxSpeed);
            if (SingleUse && Vlan == 0) throw MegaportException.InvalidArgument("A -SingleUse key needs -Vlan (2-4093).", ProductUid);
            if (Vlan != 0 && (Vlan < 2 || Vlan > 4093)) throw MegaportException.InvalidArgument($"-Vlan {Vlan} is out of range (2-4093).", Vlan);
            Check.Text(Description, nameof(Description));
            if (ValidFrom is DateTime f && ValidTo is DateTime t && t <= f)
                throw MegaportException.InvalidArgument("-ValidTo must be later than -ValidFrom.", ValidTo);

            var request = new ServiceKeyRequest
            {
                ProductUid = ProductUid,
                SingleUse = SingleUse.IsPresent,
                MaxSpeed = MaxSpeed,
                Active = true,
                PreApproved = PreApproved.IsPresent,
                Description = Description,
                Vlan = Vlan != 0 ? Vlan : null,
                ValidFor = ValidFrom != null || ValidTo != null ? new ValidFor(ValidFrom, ValidTo) : null,
            };
            if (!ShouldChange(ProductUid, $"Create a {(SingleUse ? "single-use" : "multi-use")} service key (max {MaxSpeed} Mbps{(PreApproved ? ", pre-approved" : "")})")) return;
            var api = Api;
            WriteObject(Run(ctx => api.CreateServiceKeyAsync(request, ctx)));
        }
    }

    /// <summary>Get-MegaportServiceKey: your service keys, all of them, a port's, or one by key.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportServiceKey", DefaultParameterSetName = "All")]
    [OutputType(typeof(ServiceKey))]
    public sealed class GetMegaportServiceKeyCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = "ByProduct", ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "PortUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByKey")]
        [AllowEmptyString]
        public string Key { get; set; } = null!;

        protected override void ProcessItem()
        {
            if (ParameterSetName == "ByProduct") Check.Uid(ProductUid, nameof(ProductUid));
            if (ParameterSetName == "ByKey") Check.ServiceKey(Key, nameof(Key));
            var api = Api;
            WriteObject(Run(ctx => api.GetServiceKeysAsync(ParameterSetName == "ByProduct" ? ProductUid : null, ParameterSetName == "ByKey" ? Key : null, ctx)), enumerateCollection: true);
        }
    }

    /// <summary>
    /// Set-MegaportServiceKey: turns a key on or off, or changes its validity. The API changes nothing else on an
    /// existing key (speed, approval and description are set when it is made).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MegaportServiceKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ServiceKey))]
    public sealed class SetMegaportServiceKeyCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Key { get; set; } = null!;

        [Parameter]
        public bool Active { get; set; }

        [Parameter]
        public DateTime? ValidFrom { get; set; }

        [Parameter]
        public DateTime? ValidTo { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            Check.ServiceKey(Key, nameof(Key));
            if (ValidFrom is DateTime vf && ValidTo is DateTime vt && vt <= vf) throw MegaportException.InvalidArgument("-ValidTo must be later than -ValidFrom.", ValidTo);
            var api = Api;
            var current = Run(ctx => api.GetServiceKeysAsync(null, Key, ctx)).FirstOrDefault()
                ?? throw new MegaportException(ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, $"There is no service key {Key}.", Key);
            // An update names the key and repeats what identifies it; of the rest only what is given is sent.
            var request = new ServiceKeyRequest { Key = current.Key, ProductUid = current.ProductUid, SingleUse = current.SingleUse, Active = current.Active };
            var lines = new ChangeLines();
            if (Given(nameof(Active))) { request.Active = Active; lines.Add("Active", current.Active, Active); }
            if (Given(nameof(ValidFrom)) || Given(nameof(ValidTo)))
            {
                var from = Given(nameof(ValidFrom)) ? ValidFrom : current.ValidFrom;
                var to = Given(nameof(ValidTo)) ? ValidTo : current.ValidTo;
                if (from is DateTime f && to is DateTime t && t <= f)
                    throw MegaportException.InvalidArgument("-ValidTo must be later than -ValidFrom.", ValidTo);
                request.ValidFor = new ValidFor(from, to);
                lines.Add("Valid", $"{current.ValidFrom:u} - {current.ValidTo:u}", $"{from:u} - {to:u}");
            }
            if (lines.Count == 0) throw MegaportException.InvalidArgument($"Nothing to change on service key {Key}.", Key);
            if (!ShouldChange($"service key {Key}", $"Change {lines}")) return;
            var updated = Run(ctx => api.UpdateServiceKeyAsync(request, ctx));
            if (PassThru) WriteObject(updated);
        }
    }
}
