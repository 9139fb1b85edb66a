using System.Management.Automation;

namespace Megaport.Cmdlets
{
    /// <summary>Disconnect-Megaport: forgets this runspace's session (or the one given) and releases its connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Megaport")]
    [OutputType(typeof(void))]
    public sealed class DisconnectMegaportCommand : MegaportCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public Session? Session { get; set; }

        protected override void Process()
        {
            var current = SessionStore.Current;
            var session = Session ?? current;
            if (session == null)
            {
                WriteVerbose("Not connected to Megaport; nothing to disconnect.");
                return;
            }
            session.Close();
            if (ReferenceEquals(session, current)) SessionStore.Current = null;
            WriteVerbose($"Disconnected from Megaport {session.Environment} ({session.BaseUri}).");
        }
    }
}
