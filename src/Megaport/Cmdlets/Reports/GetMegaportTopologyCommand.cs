using System.Management.Automation;
using Megaport.Reports;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Get-MegaportTopology: the account as a tree by metro (a Megaport.Topology, shown as a console tree), or as
    /// Mermaid or Graphviz DOT text for a wiki or a diagram.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MegaportTopology", DefaultParameterSetName = TreeSet)]
    [OutputType(typeof(Topology), ParameterSetName = new[] { TreeSet })]
    [OutputType(typeof(string), ParameterSetName = new[] { MermaidSet, DotSet })]
    public sealed class GetMegaportTopologyCommand : MegaportApiCmdlet
    {
        const string TreeSet = "Tree";
        const string MermaidSet = "Mermaid";
        const string DotSet = "Dot";

        /// <summary>Mermaid flowchart text (GitHub, Azure DevOps and Confluence wikis draw it).</summary>
        [Parameter(Mandatory = true, ParameterSetName = MermaidSet)]
        public SwitchParameter AsMermaid { get; set; }

        /// <summary>Graphviz DOT text (dot -Tsvg draws it).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DotSet)]
        public SwitchParameter AsDot { get; set; }

        protected override void End()
        {
            var session = CurrentSession;
            var api = Api;
            var snapshot = Run(ctx => AccountSnapshot.ReadAsync(session, api, ctx));
            var topology = snapshot.Topology();
            if (AsMermaid) WriteObject(TopologyText.Mermaid(topology));
            else if (AsDot) WriteObject(TopologyText.Dot(topology));
            else WriteObject(topology);
        }
    }
}
