using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Megaport.Completers;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Save-MegaportLoa: saves a port's letter of authorisation (the PDF a data centre needs for the cross connect).
    /// The file is written whole or not at all: a temporary file beside it, then moved into place.
    /// </summary>
    [Cmdlet(VerbsData.Save, "MegaportLoa", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveMegaportLoaCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "PortUid")]
        [ProductUidTransformation]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string ProductUid { get; set; } = null!;

        /// <summary>The file, or a folder for LOA-&lt;port&gt;-&lt;uid&gt;.pdf; by default that name in the current folder.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Refuse to replace an existing file.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            Check.Uid(ProductUid, nameof(ProductUid));
            // Where it goes is settled before any request: an existing folder, or a file in one.
            string folder;
            string? file = null;
            string resolved;
            try { resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path ?? "."); }
            catch (Exception ex) when (ex is ItemNotFoundException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException)
            {
                throw MegaportException.InvalidArgument($"-Path '{Path}' is not a file system path: {ex.Message}", Path);
            }
            if (Directory.Exists(resolved)) folder = resolved;
            else
            {
                folder = System.IO.Path.GetDirectoryName(resolved) ?? "";
                file = resolved;
                if (folder.Length == 0 || !Directory.Exists(folder)) throw MegaportException.InvalidArgument($"-Path '{Path}': the folder '{folder}' does not exist.", Path);
            }
            if (file != null) CheckTarget(file);

            var api = Api;
            var service = Run(ctx => api.GetServiceAsync(ProductUid, ctx));
            if (service is not Port port)
                throw MegaportException.InvalidArgument($"'{service.Name}' ({ProductUid}) is a {service.ProductType}; letters of authorisation are for ports.", ProductUid);
            if (port.IsInactive)
                throw MegaportException.InvalidArgument($"Port '{port.Name}' ({ProductUid}) is {port.ProvisioningStatus}; it has no letter of authorisation.", ProductUid);
            if (file == null)
            {
                file = System.IO.Path.Combine(folder, DefaultName(port));
                CheckTarget(file);
            }

            if (!ShouldChange(file, $"Save the letter of authorisation of port '{port.Name}' ({port.ProductUid})")) return;
            var loa = Run(ctx => api.GetLoaAsync(port.ProductUid, ctx));
            WriteAtomically(file, loa.Content);
            WriteVerbose($"Saved the letter of authorisation of '{port.Name}' ({loa.Content.Length} bytes) to {file}.");
            if (PassThru) WriteObject(new FileInfo(file));
        }

        void CheckTarget(string file)
        {
            if (Directory.Exists(file)) throw MegaportException.InvalidArgument($"'{file}' is a folder.", file);
            if (NoClobber && File.Exists(file)) throw MegaportException.InvalidArgument($"'{file}' exists and -NoClobber was given.", file);
        }

        /// <summary>LOA-Sydney-Primary-2f3c8a1e.pdf: the port's name made safe for any file system, and the start of its UID.</summary>
        internal static string DefaultName(Port port)
        {
            var invalid = System.IO.Path.GetInvalidFileNameChars().Concat(new[] { ' ', '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).ToArray();
            var name = new string(port.Name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim('-', '.');
            var uid = port.ProductUid.Length > 8 ? port.ProductUid.Substring(0, 8) : port.ProductUid;
            return $"LOA-{(name.Length == 0 ? "port" : name)}-{uid}.pdf";
        }

        /// <summary>Writes a temporary file in the target's folder and moves it over the target, so a reader never sees half a file.</summary>
        internal static void WriteAtomically(string file, byte[] content)
        {
            var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "." + System.IO.Path.GetFileName(file) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(content, 0, content.Length);
                    stream.Flush(true);
                }
                if (File.Exists(file)) File.Replace(temp, file, null);
                else File.Move(temp, file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MegaportException(ErrorIds.InvalidArgument, ErrorCategory.WriteError, $"Could not write '{file}': {ex.Message}", file, ex);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
