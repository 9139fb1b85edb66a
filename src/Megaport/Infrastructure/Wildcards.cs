using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Megaport.Infrastructure
{
    internal static class Wildcards
    {
        public static WildcardPattern? Pattern(string? text) =>
            string.IsNullOrEmpty(text) ? null : new WildcardPattern(text, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

        public static bool IsPattern(string text) => WildcardPattern.ContainsWildcardCharacters(text);

        // UIDs are GUID-like: letters, digits and hyphens. Anything else (wildcards, spaces, control characters)
        // cannot name a service, so it is refused before a request is sent.
        static readonly Regex Uid = new("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", RegexOptions.CultureInvariant);

        public static bool IsValidUid(string? uid) => uid != null && Uid.IsMatch(uid);
    }
}
