using System;
using System.Linq;
using System.Text.RegularExpressions;
using Megaport.Errors;

namespace Megaport.Cmdlets
{
    /// <summary>The local input rules of the company cmdlets (users, billing markets, approvals), before any request.</summary>
    internal static class CompanyChecks
    {
        /// <summary>The roles a user can have, as the API spells them.</summary>
        public static readonly string[] Positions = { "Company Admin", "Technical Admin", "Technical Contact", "Finance", "Financial Contact", "Read Only" };

        /// <summary>The API's spelling of a position given in any case.</summary>
        public static string Position(string value) =>
            Positions.FirstOrDefault(p => string.Equals(p, value, StringComparison.OrdinalIgnoreCase))
            ?? throw MegaportException.InvalidArgument($"-Position '{value}' is not a Megaport user role; use one of {string.Join(", ", Positions)}.", value);

        /// <summary>Required text: not empty or blank, no control characters, at most <paramref name="max"/> characters.</summary>
        public static string Required(string? value, string what, int max = 255)
        {
            if (string.IsNullOrWhiteSpace(value)) throw MegaportException.InvalidArgument($"-{what} must not be empty.", value);
            Ordering.Check.Text(value, what, max);
            return value!.Trim();
        }

        public static string Email(string? value, string what = "Email")
        {
            var text = Required(value, what, 254);
            try
            {
                var address = new System.Net.Mail.MailAddress(text);
                if (address.Address == text && text.Length >= 5 && text.IndexOf('@') > 0 && !text.Any(char.IsWhiteSpace)) return text;
            }
            catch (FormatException) { }
            throw MegaportException.InvalidArgument($"-{what} '{value}' is not an email address.", value);
        }

        // Users' phone numbers are international (E.164): an optional +, then up to 15 digits, not starting with 0.
        static readonly Regex UserPhonePattern = new(@"^\+?[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant);

        public static string UserPhone(string value, string what = "Phone")
        {
            if (!UserPhonePattern.IsMatch(value ?? "")) throw MegaportException.InvalidArgument($"-{what} '{value}' is not an international phone number (e.g. +61412345678).", value);
            return value!;
        }

        // A billing contact's number as people write it: digits with spaces, dashes, dots, brackets and a leading +.
        static readonly Regex ContactPhonePattern = new(@"^\+?[0-9][0-9 ().-]{4,30}$", RegexOptions.CultureInvariant);

        public static string Phone(string? value, string what)
        {
            var text = Required(value, what, 32);
            if (!ContactPhonePattern.IsMatch(text) || text.Count(char.IsDigit) < 5) throw MegaportException.InvalidArgument($"-{what} '{value}' is not a phone number.", value);
            return text;
        }

        static readonly Regex PersonKey = new("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", RegexOptions.CultureInvariant);

        /// <summary>A user's id or UID (Get-MegaportActivity -User).</summary>
        public static void PersonIdOrUid(string? value, string what)
        {
            if (!PersonKey.IsMatch(value ?? "")) throw MegaportException.InvalidArgument($"-{what} '{value}' is not a user's id or UID.", value);
        }

        public static void EmployeeId(int id)
        {
            if (id <= 0) throw MegaportException.InvalidArgument($"-EmployeeId {id} is not a user's id (a positive number; Get-MegaportUser shows them).", id);
        }
    }
}
