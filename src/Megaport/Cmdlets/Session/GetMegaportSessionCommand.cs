using System.Management.Automation;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportSession: this runspace's session, if connected. Never shows a secret or a token.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportSession")]
    [OutputType(typeof(Session))]
    public sealed class GetMegaportSessionCommand : MegaportCmdlet
    {
        protected override void End()
        {
            var session = SessionStore.Current;
            if (session != null) WriteObject(session);
        }
    }
}
