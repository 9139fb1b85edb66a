using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Megaport.Simulator.Validation;

/// <summary>
/// Addresses and prefixes as routers write them: IPv4 as four decimal parts, IPv6 with colons, CIDRs as
/// <c>address/length</c>. Stricter than <see cref="IPAddress.TryParse(string, out IPAddress)"/>, which also takes "10.1" or "7".
/// </summary>
public static class IpText
{
    public const string V4 = "IPv4";
    public const string V6 = "IPv6";

    public static bool TryAddress(string? text, out IPAddress ip)
    {
        ip = IPAddress.None;
        if (string.IsNullOrEmpty(text) || text.Contains('/') || text.Contains('%') || text.Trim() != text) return false;
        if (!IPAddress.TryParse(text, out var parsed)) return false;
        var ok = parsed.AddressFamily switch
        {
            AddressFamily.InterNetwork => text.Split('.').Length == 4 && !text.Contains(':'),
            AddressFamily.InterNetworkV6 => text.Contains(':'),
            _ => false,
        };
        if (ok) ip = parsed;
        return ok;
    }

    /// <summary>An <c>address/length</c> pair; the address may have host bits set (an interface address).</summary>
    public static bool TryCidr(string? text, out IPAddress ip, out int length)
    {
        ip = IPAddress.None;
        length = -1;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash <= 0) return false;
        var lengthText = text![(slash + 1)..];
        if (!TryAddress(text[..slash], out var address) || lengthText.Length is 0 or > 3 || !lengthText.All(char.IsAsciiDigit)) return false;
        var n = int.Parse(lengthText, CultureInfo.InvariantCulture);
        if (n > MaxLength(address)) return false;
        ip = address;
        length = n;
        return true;
    }

    public static string Family(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetworkV6 ? V6 : V4;

    public static int MaxLength(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
}
