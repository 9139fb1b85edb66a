using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using Megaport.Api.Requests;
using Megaport.Errors;

namespace Megaport.Cmdlets
{
    /// <summary>Get-MegaportBillingMarket: the company's billing markets (who invoices it, in which currency, and the billing contact).</summary>
    [Cmdlet(VerbsCommon.Get, "MegaportBillingMarket")]
    [OutputType(typeof(BillingMarket))]
    public sealed class GetMegaportBillingMarketCommand : MegaportApiCmdlet
    {
        /// <summary>Only this market (AU, US, UK, ...).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BillingMarketCompleter))]
        public string? Market { get; set; }

        protected override void End()
        {
            var api = Api;
            foreach (var market in Run(ctx => api.GetBillingMarketsAsync(ctx)))
                if (Market == null || string.Equals(market.Market, Market, StringComparison.OrdinalIgnoreCase)) WriteObject(market);
        }
    }

    /// <summary>
    /// Set-MegaportBillingMarket: sets up (or replaces) the billing market for a country: currency, language and the
    /// billing contact and address. A market from Get-MegaportBillingMarket can be piped in and changed in part.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MegaportBillingMarket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BillingMarket))]
    public sealed class SetMegaportBillingMarketCommand : PerItemCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        [ArgumentCompleter(typeof(BillingMarketCompleter))]
        public string Market { get; set; } = null!;

        /// <summary>Three letters: AUD, USD, EUR, GBP, ...</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string Currency { get; set; } = null!;

        /// <summary>Two letters: en, de, ja, ...</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string Language { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string ContactName { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string ContactEmail { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string ContactPhone { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string Address1 { get; set; } = null!;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Address2 { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string City { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string State { get; set; } = null!;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string Postcode { get; set; } = null!;

        /// <summary>The billing address's country, two letters (AU, US, GB, ...).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        public string Country { get; set; } = null!;

        /// <summary>Your purchase order number, printed on invoices.</summary>
        [Parameter]
        public string? PurchaseOrder { get; set; }

        /// <summary>Your tax or VAT registration number.</summary>
        [Parameter]
        public string? TaxNumber { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        static readonly Regex Letters3 = new("^[A-Za-z]{3}$", RegexOptions.CultureInvariant);
        static readonly Regex Letters2 = new("^[A-Za-z]{2}$", RegexOptions.CultureInvariant);

        protected override void ProcessItem()
        {
            var code = (Market ?? "").Trim().ToUpperInvariant();
            if (!BillingMarketRequest.FirstPartyIds.TryGetValue(code, out var firstParty))
                throw MegaportException.InvalidArgument(
                    $"-Market '{Market}' is not a Megaport billing market; use one of {string.Join(", ", BillingMarketRequest.FirstPartyIds.Keys.OrderBy(k => k, StringComparer.Ordinal))}.", Market);
            var currency = CompanyChecks.Required(Currency, nameof(Currency), 3).ToUpperInvariant();
            if (!Letters3.IsMatch(currency)) throw MegaportException.InvalidArgument($"-Currency '{Currency}' is not a currency code (three letters, e.g. AUD).", Currency);
            var language = CompanyChecks.Required(Language, nameof(Language), 2).ToLowerInvariant();
            if (!Letters2.IsMatch(language)) throw MegaportException.InvalidArgument($"-Language '{Language}' is not a language code (two letters, e.g. en).", Language);
            var country = CompanyChecks.Required(Country, nameof(Country), 2).ToUpperInvariant();
            if (!Letters2.IsMatch(country)) throw MegaportException.InvalidArgument($"-Country '{Country}' is not a country code (two letters, e.g. AU).", Country);
            var request = new BillingMarketRequest
            {
                FirstPartyId = firstParty,
                Currency = currency,
                Language = language,
                ContactName = CompanyChecks.Required(ContactName, nameof(ContactName), 128),
                ContactEmail = CompanyChecks.Email(ContactEmail, nameof(ContactEmail)),
                ContactPhone = CompanyChecks.Phone(ContactPhone, nameof(ContactPhone)),
                Address1 = CompanyChecks.Required(Address1, nameof(Address1)),
                Address2 = string.IsNullOrWhiteSpace(Address2) ? null : CompanyChecks.Required(Address2, nameof(Address2)),
                City = CompanyChecks.Required(City, nameof(City), 128),
                State = CompanyChecks.Required(State, nameof(State), 128),
                Postcode = CompanyChecks.Required(Postcode, nameof(Postcode), 16),
                Country = country,
                PurchaseOrder = string.IsNullOrWhiteSpace(PurchaseOrder) ? null : CompanyChecks.Required(PurchaseOrder, nameof(PurchaseOrder), 64),
                TaxNumber = string.IsNullOrWhiteSpace(TaxNumber) ? null : CompanyChecks.Required(TaxNumber, nameof(TaxNumber), 64),
            };

            var api = Api;
            var current = Run(ctx => api.GetBillingMarketsAsync(ctx)).FirstOrDefault(m => m.FirstPartyId == firstParty);
            string action;
            if (current == null) action = $"Set up billing in {currency}, language {language}, contact {request.ContactName} <{request.ContactEmail}>";
            else
            {
                var lines = new ChangeLines();
                void Line(string label, string? old, string? value) { if (!string.Equals(old ?? "", value ?? "", StringComparison.Ordinal)) lines.Add(label, old, value); }
                Line("Currency", current.Currency, request.Currency);
                Line("Language", current.Language, request.Language);
                Line("ContactName", current.ContactName, request.ContactName);
                Line("ContactEmail", current.ContactEmail, request.ContactEmail);
                Line("ContactPhone", current.ContactPhone, request.ContactPhone);
                Line("Address1", current.Address1, request.Address1);
                Line("City", current.City, request.City);
                Line("State", current.State, request.State);
                Line("Postcode", current.Postcode, request.Postcode);
                Line("Country", current.Country, request.Country);
                // The API does not echo these, so they are always sent when given.
                if (request.Address2 != null) lines.Add("Address2", null, request.Address2);
                if (request.PurchaseOrder != null) lines.Add("PurchaseOrder", null, request.PurchaseOrder);
                if (request.TaxNumber != null) lines.Add("TaxNumber", null, request.TaxNumber);
                if (lines.Count == 0)
                {
                    WriteVerbose($"Billing market {code} already has these settings; nothing sent.");
                    if (PassThru) WriteObject(current);
                    return;
                }
                action = $"Change {lines}";
            }
            if (!ShouldChange($"billing market {code}{(current?.SupplierName != null ? $" ({current.SupplierName})" : "")}", action)) return;
            Run(ctx => api.SetBillingMarketAsync(request, ctx));
            if (PassThru)
                WriteObject(Run(ctx => api.GetBillingMarketsAsync(ctx)).FirstOrDefault(m => m.FirstPartyId == firstParty)
                    ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult, $"The billing market {code} was set but is not listed afterwards.", code));
        }
    }

    /// <summary>Completes billing market codes (AU, US, UK, ...).</summary>
    public sealed class BillingMarketCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters) =>
            BillingMarketRequest.FirstPartyIds.Keys.OrderBy(k => k, StringComparer.Ordinal)
                .Where(k => k.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
                .Select(k => new CompletionResult(k, k, CompletionResultType.ParameterValue, k));
    }
}
