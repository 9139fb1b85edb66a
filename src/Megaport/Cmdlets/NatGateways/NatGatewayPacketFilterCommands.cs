using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transport;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportNatGatewayPacketFilter: a NAT gateway's packet filters, with their entries.</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportNatGatewayPacketFilter")]
    [OutputType(typeof(NatGatewayPacketFilter))]
    public sealed class GetMegaportNatGatewayPacketFilterCommand : GetNatGatewayListCmdlet
    {
        internal override NatGatewayList List => NatGatewayList.PacketFilters;
    }

    /// <summary>New-MegaportNatGatewayPacketFilter: adds a packet filter (ordered permit/deny entries) to a NAT gateway.</summary>
    [Cmdlet(VerbsCommon.New, "MegaportNatGatewayPacketFilter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NatGatewayPacketFilter))]
    public sealed class NewMegaportNatGatewayPacketFilterCommand : NewNatGatewayListCmdlet
    {
        internal override NatGatewayList List => NatGatewayList.PacketFilters;

        internal override (object Spec, string What) Build()
        {
            var entries = PacketFilterEntries.Read(Entry);
            return (new PacketFilterSpec { Description = Description, Entries = entries }, $"packet filter '{Description}' with {entries.Count} entries");
        }
    }

    /// <summary>Set-MegaportNatGatewayPacketFilter: renames a packet filter or replaces its entries.</summary>
    [Cmdlet(VerbsCommon.Set, "MegaportNatGatewayPacketFilter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = ById)]
    [OutputType(typeof(NatGatewayPacketFilter))]
    public sealed class SetMegaportNatGatewayPacketFilterCommand : SetNatGatewayListCmdlet
    {
        IReadOnlyList<PacketFilterEntrySpec>? _entries;

        internal override NatGatewayList List => NatGatewayList.PacketFilters;

        internal override bool CheckChanges()
        {
            _entries = Given(nameof(Entry)) ? PacketFilterEntries.Read(Entry) : null;
            return Given(nameof(NewDescription)) || _entries != null;
        }

        internal override object Describe(object current, ChangeLines lines)
        {
            var filter = (NatGatewayPacketFilter)current;
            if (Given(nameof(NewDescription))) lines.Add("Description", filter.Description, NewDescription);
            if (_entries != null) lines.Add("Entries", $"{filter.Entries.Length} entries", $"{_entries.Count} entries");
            return new PacketFilterSpec { Description = NewDescription ?? filter.Description, Entries = _entries ?? PacketFilterEntries.Of(filter.Entries) };
        }
    }

    /// <summary>Remove-MegaportNatGatewayPacketFilter: deletes a packet filter (VXC interfaces using it lose it).</summary>
    [Cmdlet(VerbsCommon.Remove, "MegaportNatGatewayPacketFilter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        DefaultParameterSetName = ById)]
    public sealed class RemoveMegaportNatGatewayPacketFilterCommand : RemoveNatGatewayListCmdlet
    {
        internal override NatGatewayList List => NatGatewayList.PacketFilters;
    }

    /// <summary>Packet filter entries from PowerShell input, checked locally (the API's rules).</summary>
    internal static class PacketFilterEntries
    {
        static readonly Regex Ports = new("^[0-9]{1,5}(-[0-9]{1,5})?(,[0-9]{1,5}(-[0-9]{1,5})?)*$", RegexOptions.CultureInvariant);

        static readonly Dictionary<string, int> Protocols = new(System.StringComparer.OrdinalIgnoreCase) { ["tcp"] = 6, ["udp"] = 17, ["icmp"] = 1 };

        public static IReadOnlyList<PacketFilterEntrySpec> Read(object[]? entries) =>
            NatGatewayListCmdlet.Entries(entries, typeof(NatGatewayPacketFilterEntry)).Select((e, i) =>
            {
                var what = $"Entry[{i}]";
                var spec = new PacketFilterEntrySpec
                {
                    Action = NatGatewayListCmdlet.Action(e, "-" + what),
                    Description = NatGatewayListCmdlet.Text(e, nameof(NatGatewayPacketFilterEntry.Description)),
                    SourceAddress = Address(e, nameof(NatGatewayPacketFilterEntry.SourceAddress), what),
                    DestinationAddress = Address(e, nameof(NatGatewayPacketFilterEntry.DestinationAddress), what),
                    SourcePorts = PortList(e, nameof(NatGatewayPacketFilterEntry.SourcePorts), what),
                    DestinationPorts = PortList(e, nameof(NatGatewayPacketFilterEntry.DestinationPorts), what),
                    IpProtocol = Protocol(e, what),
                };
                Check.Text(spec.Description, what + ".Description");
                return spec;
            }).ToList();

        /// <summary>The entries of a filter as read, to send back unchanged.</summary>
        public static IReadOnlyList<PacketFilterEntrySpec> Of(IEnumerable<NatGatewayPacketFilterEntry> entries) => entries.Select(e => new PacketFilterEntrySpec
        {
            Action = e.Action, Description = e.Description, SourceAddress = e.SourceAddress, DestinationAddress = e.DestinationAddress,
            SourcePorts = e.SourcePorts, DestinationPorts = e.DestinationPorts, IpProtocol = e.IpProtocol,
        }).ToList();

        static string Address(Dictionary<string, Newtonsoft.Json.Linq.JValue> e, string key, string what)
        {
            var value = NatGatewayListCmdlet.Text(e, key) ?? throw MegaportException.InvalidArgument($"-{what}.{key} is required (an address with a prefix length; 0.0.0.0/0 for any).", key);
            Check.Cidr(value, $"{what}.{key}");
            return value;
        }

        static string? PortList(Dictionary<string, Newtonsoft.Json.Linq.JValue> e, string key, string what)
        {
            var value = NatGatewayListCmdlet.Text(e, key);
            if (value == null) return null;
            var ok = Ports.IsMatch(value) && value.Split(',').All(range =>
            {
                var ends = range.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                return ends.All(p => p <= 65535) && (ends.Length == 1 || ends[0] <= ends[1]);
            });
            if (!ok) throw MegaportException.InvalidArgument($"-{what}.{key} '{value}' is not a port list: ports 0-65535 as 443, 1000-2000 or 80,443.", value);
            return value;
        }

        /// <summary>A protocol number 0-255, or tcp, udp, icmp; none (or 0) means any.</summary>
        static int? Protocol(Dictionary<string, Newtonsoft.Json.Linq.JValue> e, string what)
        {
            var value = NatGatewayListCmdlet.Text(e, nameof(NatGatewayPacketFilterEntry.IpProtocol));
            if (value == null) return null;
            if (Protocols.TryGetValue(value, out var known)) return known;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255) return n == 0 ? null : n;
            throw MegaportException.InvalidArgument($"-{what}.IpProtocol '{value}' is not an IP protocol: a number 0-255, or tcp, udp, icmp.", value);
        }
    }
}
