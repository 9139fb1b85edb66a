using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>Base of cmdlets that call the API: adds -Session and resolves the runspace's session.</summary>
    public abstract class MegaportApiCmdlet : MegaportCmdlet
    {
        /// <summary>The session to use; defaults to this runspace's Connect-Megaport session.</summary>
        [Parameter]
        public Session? Session { get; set; }

        Session? _resolved;

        /// <summary>The session in use, or a terminating MegaportNotConnected error.</summary>
        internal Session CurrentSession
        {
            get
            {
                if (_resolved != null) return _resolved;
                var session = Session ?? SessionStore.Current;
                if (session == null || session.Disposed)
                {
                    throw new MegaportException(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                        session == null ? "Not connected to Megaport. Run Connect-Megaport first." : "This Megaport session was disconnected. Run Connect-Megaport first.")
                    { RecommendedAction = "Run Connect-Megaport first." };
                }
                return _resolved = session!;
            }
        }

        internal MegaportApi Api => new((MegaportClient)CurrentSession.Connection);
    }
}
