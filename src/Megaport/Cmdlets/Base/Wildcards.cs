using System.Management.Automation;

namespace Megaport.Cmdlets
{
    internal static class Wildcards
    {
        public static WildcardPattern? Pattern(string? text) =>
            string.IsNullOrEmpty(text) ? null : new WildcardPattern(text, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

        public static bool IsPattern(string text) => WildcardPattern.ContainsWildcardCharacters(text);
    }
}
