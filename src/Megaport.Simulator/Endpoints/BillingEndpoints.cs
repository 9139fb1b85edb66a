using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Megaport.Simulator.Accounts;
using Megaport.Simulator.Http;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>Billing markets (<c>/v2/market</c>) and order approvals (<c>/v3/order_approvals</c>, paged in response headers).</summary>
public static partial class BillingEndpoints
{
    private static readonly ObjectShape MarketShape = Shape.Fields(
        "currencyEnum", "language", "billingContactName", "billingContactPhone", "billingContactEmail", "address1", "address2",
        "city", "state", "postcode", "country", "yourPoNumber", "taxNumber", "firstPartyId");

    private static readonly ObjectShape ActionShape = Shape.Fields("comments");

    private static readonly string[] Statuses = ["PENDING", "APPROVED", "REJECTED", "FAILED", "WITHDRAWN", "EXPIRED"];

    /// <summary>The Megaport entities that invoice customers, by firstPartyId: (market code, supplier name, currencies they bill in).</summary>
    private static readonly Dictionary<int, (string Market, string Supplier, string[] Currencies)> Suppliers = new()
    {
        [808] = ("AU", "Megaport (Services) Pty Ltd", ["AUD", "USD"]), [855] = ("NZ", "Megaport (New Zealand) Limited", ["NZD", "USD"]),
        [1558] = ("US", "Megaport (USA) Inc", ["USD"]), [1652] = ("CA", "Megaport (Canada) Inc", ["CAD", "USD"]),
        [2675] = ("UK", "Megaport (UK) Limited", ["GBP", "EUR", "USD"]), [2681] = ("SE", "Megaport Sweden AB", ["SEK", "EUR"]),
        [2683] = ("IE", "Megaport (Ireland) Limited", ["EUR"]), [2685] = ("NL", "Megaport (Netherlands) B.V.", ["EUR"]),
        [4515] = ("DE", "Megaport (Deutschland) GmbH", ["EUR"]), [4640] = ("BG", "Megaport Bulgaria EOOD", ["BGN", "EUR"]),
        [8299] = ("CH", "Megaport (Switzerland) GmbH", ["CHF", "EUR"]), [817] = ("SG", "Megaport (Singapore) Pte Ltd", ["SGD", "USD"]),
        [819] = ("HK", "Megaport (Hong Kong) Limited", ["HKD", "USD"]), [20438] = ("NO", "Megaport Norway AS", ["NOK", "EUR"]),
        [20440] = ("FI", "Megaport Finland Oy", ["EUR"]), [20442] = ("AT", "Megaport Austria GmbH", ["EUR"]),
        [20444] = ("PL", "Megaport Poland sp. z o.o.", ["PLN", "EUR"]), [20447] = ("DK", "Megaport Denmark ApS", ["DKK", "EUR"]),
        [20449] = ("BE", "Megaport Belgium BV", ["EUR"]), [20451] = ("FR", "Megaport France SAS", ["EUR"]),
        [20453] = ("JP", "Megaport Japan K.K.", ["JPY", "USD"]), [30367] = ("IT", "Megaport Italy S.r.l.", ["EUR"]),
        [30369] = ("ES", "Megaport Spain S.L.", ["EUR"]), [30423] = ("LU", "Megaport Luxembourg S.a r.l.", ["EUR"]),
    };

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static void MapBillingMarkets(this WebApplication app, SimulatorContext sim, Func<HttpContext, CompanyAccount> account)
    {
        var state = sim.State;

        app.MapGet("/v2/market", (HttpContext ctx) =>
        {
            lock (state.Gate)
            {
                var a = account(ctx);
                return Api.Ok($"Markets for company {a.Company.Id}", w =>
                {
                    w.WriteStartArray();
                    foreach (var m in a.Markets) WriteMarket(w, a, m);
                    w.WriteEndArray();
                });
            }
        });

        // Creates the market for that firstPartyId, or replaces its settings: every required field every time.
        app.MapPost("/v2/market", async (HttpContext ctx) =>
        {
            var (body, error) = await RequestBody.ReadObjectAsync(ctx, MarketShape);
            if (error is not null) return error;
            lock (state.Gate)
            {
                var a = account(ctx);
                try
                {
                    var f = new JsonFields(body!, "", shape: MarketShape);
                    string Required(string key, int max = 255)
                    {
                        var s = f.Str(key);
                        if (string.IsNullOrWhiteSpace(s)) throw f.Fail($"{key} is required");
                        if (s.Length > max || s.Any(char.IsControl)) throw f.Fail($"{key} must be at most {max} characters without control characters");
                        return s;
                    }
                    string? Optional(string key) => string.IsNullOrEmpty(f.Str(key)) ? null : Required(key, 64);
                    var firstParty = f.Int("firstPartyId") ?? throw f.Fail("firstPartyId is required");
                    if (!Suppliers.TryGetValue(firstParty, out var supplier)) throw f.Fail($"firstPartyId {firstParty} is not a Megaport billing market");
                    var currency = Required("currencyEnum", 3);
                    if (!supplier.Currencies.Contains(currency))
                        throw f.Fail($"currencyEnum {currency} is not billed by {supplier.Supplier}: use {string.Join(" or ", supplier.Currencies)}");
                    var language = Required("language", 2);
                    if (!LanguageCode().IsMatch(language)) throw f.Fail($"language '{language}' must be a two-letter code such as en");
                    var email = Required("billingContactEmail", 254);
                    if (!EmailPattern().IsMatch(email)) throw f.Fail($"billingContactEmail '{email}' is not a valid email address");
                    var country = Required("country", 2);
                    if (!CountryCode().IsMatch(country)) throw f.Fail($"country '{country}' must be a two-letter country code such as AU");
                    var fields = (Name: Required("billingContactName", 128), Phone: Required("billingContactPhone", 32), Address1: Required("address1"),
                        Address2: Optional("address2"), City: Required("city", 128), State: Required("state", 128), Postcode: Required("postcode", 16),
                        Po: Optional("yourPoNumber"), Tax: Optional("taxNumber"));
                    var market = a.Markets.FirstOrDefault(m => m.FirstPartyId == firstParty);
                    var created = market is null;
                    if (market is null)
                    {
                        market = new SimMarket
                        {
                            Id = AccountStore.Of(sim).NextMarketId++, FirstPartyId = firstParty, Currency = currency, Language = language,
                            ContactName = fields.Name, ContactEmail = email, ContactPhone = fields.Phone, Address1 = fields.Address1,
                            City = fields.City, State = fields.State, Postcode = fields.Postcode, Country = country,
                        };
                        a.Markets.Add(market);
                    }
                    market.Currency = currency;
                    market.Language = language;
                    market.ContactName = fields.Name;
                    market.ContactEmail = email;
                    market.ContactPhone = fields.Phone;
                    market.Address1 = fields.Address1;
                    market.Address2 = fields.Address2;
                    market.City = fields.City;
                    market.State = fields.State;
                    market.Postcode = fields.Postcode;
                    market.Country = country;
                    market.PurchaseOrder = fields.Po;
                    market.TaxNumber = fields.Tax;
                    a.Log(state.Now, "Billing Market", $"{(created ? "Set up" : "Updated")} the {supplier.Market} billing market ({currency})");
                    return Api.Ok(created ? "Market has been created for company" : "Market has been updated for company", w =>
                    {
                        w.WriteStartObject();
                        w.WriteNumber("supplyId", market.Id);
                        w.WriteEndObject();
                    });
                }
                catch (OrderValidationException ex)
                {
                    return Api.BadRequest("Validation failed", ex.Message);
                }
            }
        });
    }

    private static void WriteMarket(Utf8JsonWriter w, CompanyAccount a, SimMarket m)
    {
        var supplier = Suppliers[m.FirstPartyId];
        w.WriteStartObject();
        w.WriteNumber("id", m.Id);
        w.WriteString("wellKnownSupplier", "MEGAPORT_" + supplier.Market);
        w.WriteString("supplierName", supplier.Supplier);
        w.WriteString("currencyEnum", m.Currency);
        w.WriteString("language", m.Language);
        w.WriteString("billingContactName", m.ContactName);
        w.WriteString("billingContactEmail", m.ContactEmail);
        w.WriteString("billingContactPhone", m.ContactPhone);
        w.WriteString("address1", m.Address1);
        w.WriteString("postcode", m.Postcode);
        w.WriteString("country", m.Country);
        w.WriteString("city", m.City);
        w.WriteString("state", m.State);
        w.WriteString("invoiceTemplate", "invoice_" + supplier.Market);
        w.WriteNumber("taxRate", supplier.Market switch { "AU" => 0.1m, "NZ" => 0.15m, "UK" => 0.2m, "US" or "CA" or "HK" => 0m, _ => 0.19m });
        w.WriteNumber("estimateInvoice", m.EstimateInvoice);
        w.WriteNumber("firstPartyId", m.FirstPartyId);
        w.WriteNumber("secondPartyId", a.Company.Id);
        w.WriteBoolean("attachInvoiceToEmail", true);
        w.WriteString("region", supplier.Market);
        w.WriteNumber("paymentTermInDays", 30);
        w.WriteString("stripeAccountPublishableKey", "pk_test_simulator");
        w.WriteStringArray("stripeSupportedBankCurrencies", supplier.Currencies);
        w.WriteBoolean("vatExempt", false);
        w.WriteBoolean("active", true);
        w.WriteString("securedHash", Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{a.Company.Uid}/{m.Id}"))).ToLowerInvariant());
        w.WriteEndObject();
    }

    public static void MapOrderApprovals(this WebApplication app, SimulatorContext sim, Func<HttpContext, CompanyAccount> account)
    {
        var state = sim.State;

        // Paged: pageNumber from 1, pageSize 1-100 (default 10; more is capped at 100 and the headers say so).
        app.MapGet("/v3/order_approvals", (HttpContext ctx, string? status, string? serviceIds, int? pageNumber, int? pageSize, string? sort, string? direction) =>
        {
            if (status is not null && !Statuses.Contains(status)) return Api.BadRequest("Invalid request", $"status must be one of {string.Join(", ", Statuses)}");
            var ids = new HashSet<int>();
            foreach (var part in (serviceIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) ids.Add(id);
                else return Api.BadRequest("Invalid request", $"serviceIds must be product ids separated by commas (got '{serviceIds}')");
            var page = pageNumber ?? 1;
            if (page < 1) return Api.BadRequest("Invalid request", "pageNumber must be 1 or more");
            var size = pageSize ?? 10;
            if (size < 1) return Api.BadRequest("Invalid request", "pageSize must be 1 or more");
            size = Math.Min(size, 100);
            var sortBy = sort ?? "createDate";
            if (sortBy is not ("createDate" or "id" or "status" or "type")) return Api.BadRequest("Invalid request", "sort must be createDate, id, status or type");
            var dir = direction ?? "DESC";
            if (dir is not ("ASC" or "DESC")) return Api.BadRequest("Invalid request", "direction must be ASC or DESC");
            lock (state.Gate)
            {
                var a = account(ctx);
                var company = a.Company.Id;
                IEnumerable<SimApproval> rows = a.Approvals.Where(x => x.ApproverCompanyId == company || x.RequesterCompanyId == company);
                if (status is not null) rows = rows.Where(x => x.Status == status);
                if (ids.Count > 0) rows = rows.Where(x => ids.Contains(x.ServiceId));
                Func<SimApproval, object> key = sortBy switch { "id" => x => x.Id, "status" => x => x.Status, "type" => x => x.Type, _ => x => x.CreateDate };
                var ordered = (dir == "ASC" ? rows.OrderBy(key) : rows.OrderByDescending(key)).ThenBy(x => x.Id).ToList();
                var pages = (ordered.Count + size - 1) / size;
                var slice = ordered.Skip((int)Math.Min((long)(page - 1) * size, int.MaxValue)).Take(size).ToList();
                ctx.Response.Headers["Pagination-Total-Count"] = ordered.Count.ToString(CultureInfo.InvariantCulture);
                ctx.Response.Headers["Pagination-Page"] = page.ToString(CultureInfo.InvariantCulture);
                ctx.Response.Headers["Pagination-Limit"] = size.ToString(CultureInfo.InvariantCulture);
                ctx.Response.Headers["Pagination-Total-Page"] = pages.ToString(CultureInfo.InvariantCulture);
                return Api.Ok("Success", w =>
                {
                    w.WriteStartArray();
                    foreach (var x in slice) WriteApproval(w, x);
                    w.WriteEndArray();
                });
            }
        });

        foreach (var action in new[] { "approve", "reject", "withdraw" })
        {
            app.MapPost($"/v3/order_approvals/{{uid}}/{action}", async (HttpContext ctx, string uid) =>
            {
                var (body, error) = await RequestBody.ReadObjectAsync(ctx, ActionShape);
                if (error is not null) return error;
                lock (state.Gate)
                {
                    var a = account(ctx);
                    var company = a.Company.Id;
                    var x = a.Approvals.FirstOrDefault(p => string.Equals(p.Uid, uid, StringComparison.OrdinalIgnoreCase)
                        && (p.ApproverCompanyId == company || p.RequesterCompanyId == company));
                    if (x is null) return Api.Error(404, "Not Found", $"Order approval {uid} was not found");
                    try
                    {
                        var f = new JsonFields(body!, "", shape: ActionShape);
                        var comment = f.Str("comments");
                        if (comment is { Length: > 1000 }) throw f.Fail("comments must be at most 1000 characters");
                        if (x.Status != "PENDING") throw f.Fail($"Order approval {x.ReferenceId} is {x.Status}; only a PENDING request can be {Done(action)}");
                        if (action == "withdraw" && x.RequesterCompanyId != company)
                            throw f.Fail($"Order approval {x.ReferenceId} was requested by another company; only the requester can withdraw it");
                        if (action != "withdraw" && x.ApproverCompanyId != company)
                            throw f.Fail($"Order approval {x.ReferenceId} waits for company {x.ApproverCompanyId}; this company cannot {action} it");
                        x.Status = action switch { "approve" => "APPROVED", "reject" => "REJECTED", _ => "WITHDRAWN" };
                        if (comment is not null) x.Comment = comment;
                        a.Log(state.Now, "Order Approval", $"{char.ToUpperInvariant(Done(action)[0])}{Done(action)[1..]} {x.ReferenceId} ({x.Type})");
                        return Api.Ok("Success", w => w.WriteStringValue($"Order request {Done(action)} successfully"));
                    }
                    catch (OrderValidationException ex)
                    {
                        return Api.BadRequest("Validation failed", ex.Message);
                    }
                }
            });
        }
    }

    private static string Done(string action) => action switch { "approve" => "approved", "reject" => "rejected", _ => "withdrawn" };

    private static void WriteApproval(Utf8JsonWriter w, SimApproval x)
    {
        w.WriteStartObject();
        w.WriteString("uid", x.Uid);
        w.WriteNumber("id", x.Id);
        w.WriteString("referenceId", x.ReferenceId);
        w.WriteString("status", x.Status);
        w.WriteString("type", x.Type);
        w.WriteBoolean("active", x.Active);
        w.WriteString("acctName", x.AccountName);
        w.WriteString("acctRef", x.AccountRef);
        w.WriteNumber("approverCompanyId", x.ApproverCompanyId);
        w.WriteNumber("requesterCompanyId", x.RequesterCompanyId);
        w.WriteNumber("serviceId", x.ServiceId);
        w.WriteString("comment", x.Comment);
        w.WriteNumber("createDate", x.CreateDate);
        w.WritePropertyName("detail");
        x.Detail.WriteTo(w);
        w.WriteEndObject();
    }
}
