using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Megaport.Simulator.Accounts;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>Company administration (users, activity, markets, approvals) and the platform (status feeds, pricebook, LOAs) keep state and rules.</summary>
public sealed class CompanyPlatformTests
{
    [Fact]
    public async Task An_invited_user_is_kept_listed_and_can_be_withdrawn_while_pending_only()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync("/v2/employment",
            new { firstName = "Sam", lastName = "New", active = true, email = "sam@example.com", position = "Finance" });
        Assert.Equal(201, status);
        var id = json!["data"]!["employeeId"]!.GetValue<int>();
        var user = await sim.GetDataAsync("/v2/employee/" + id);
        Assert.Equal("sam@example.com", user["email"]!.GetValue<string>());
        Assert.True(user["invitationPending"]!.GetValue<bool>());
        Assert.Contains((await sim.GetDataAsync("/v2/employment")).AsArray(), u => u!["personId"]!.GetValue<int>() == id);

        (status, json) = await sim.CallAsync(HttpMethod.Delete, "/v2/employee/" + AccountSeed.TechnicalAdminUser);
        Assert.Equal(400, status);
        Assert.Contains("cannot be deleted, only deactivated", json!["data"]!.GetValue<string>());
        (status, _) = await sim.CallAsync(HttpMethod.Delete, "/v2/employee/" + id);
        Assert.Equal(200, status);
        (status, _) = await sim.CallAsync(HttpMethod.Get, "/v2/employee/" + id);
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task The_activity_log_is_a_bare_array_naming_the_changes()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.PostAsync("/v2/employment", new { firstName = "Kim", lastName = "Log", active = true, email = "kim@example.com", position = "Read Only" });
        using var resp = await sim.SendAsync(HttpMethod.Get, "/v3/activity");
        var body = JsonNode.Parse(await resp.Content.ReadAsStringAsync());
        var rows = Assert.IsType<JsonArray>(body);
        Assert.Contains(rows, r => r!["description"]!.GetValue<string>().Contains("Kim Log"));
    }

    [Fact]
    public async Task Approvals_page_in_headers_and_only_a_pending_one_is_decided()
    {
        await using var sim = await TestSim.StartAsync();
        using (var page = await sim.SendAsync(HttpMethod.Get, "/v3/order_approvals?pageNumber=1&pageSize=2"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var total = int.Parse(page.Headers.GetValues("Pagination-Total-Count").Single());
            Assert.True(total > 2);
            Assert.Equal("2", page.Headers.GetValues("Pagination-Limit").Single());
            Assert.Equal(((total + 1) / 2).ToString(), page.Headers.GetValues("Pagination-Total-Page").Single());
            var data = JsonNode.Parse(await page.Content.ReadAsStringAsync())!["data"]!.AsArray();
            Assert.Equal(2, data.Count);
        }
        var (status, _) = await sim.PostAsync($"/v3/order_approvals/{AccountSeed.PendingApproval}/approve", new { comments = "ok" });
        Assert.Equal(200, status);
        var (again, json) = await sim.PostAsync($"/v3/order_approvals/{AccountSeed.PendingApproval}/reject", new { comments = "no" });
        Assert.Equal(400, again);
        Assert.Contains("only a PENDING request", json!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_market_change_is_kept_and_a_missing_required_field_refused()
    {
        await using var sim = await TestSim.StartAsync();
        var market = (await sim.GetDataAsync("/v2/market")).AsArray()[0]!.AsObject();
        var (status, json) = await sim.PostAsync("/v2/market", """{"currencyEnum":"AUD","language":"en"}""");
        Assert.Equal(400, status);
        Assert.NotNull(json!["data"]);
        Assert.NotNull(market["billingContactName"]);
    }

    [Fact]
    public async Task The_status_feeds_are_enveloped_and_filtered_by_state()
    {
        await using var sim = await TestSim.StartAsync();
        var scheduled = (await sim.GetDataAsync("/ens/v1/status/maintenance?state=Scheduled")).AsArray();
        Assert.NotEmpty(scheduled);
        var (status, _) = await sim.CallAsync(HttpMethod.Get, "/ens/v1/status/weather");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task The_pricebook_prices_a_port_as_validate_does()
    {
        await using var sim = await TestSim.StartAsync();
        var price = await sim.PostAsync("/v4/pricebook/product", new { productType = "MEGAPORT", locationId = 3, speed = 10000, term = 12 });
        Assert.Equal(200, price.Status);
        var validate = await sim.PostAsync("/v3/networkdesign/validate",
            new[] { new { productName = "p", term = 12, productType = "MEGAPORT", portSpeed = 10000, locationId = 3 } });
        Assert.Equal(validate.Json!["data"]![0]!["price"]!["monthlyRate"]!.GetValue<decimal>(), price.Json!["data"]!["monthlyRate"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_port_LOA_is_a_pdf_naming_the_port_and_its_location_and_other_products_have_none()
    {
        await using var sim = await TestSim.StartAsync();
        using var resp = await sim.SendAsync(HttpMethod.Get, $"/v2/product/{SeedIds.SydneyPrimary}/loa");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("application/pdf", resp.Content.Headers.ContentType!.MediaType);
        var bytes = await resp.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", text);
        Assert.EndsWith("%%EOF", text.TrimEnd());
        Assert.Contains("Sydney Primary", text);
        Assert.Contains("Global Switch Sydney", text);
        var (status, _) = await sim.CallAsync(HttpMethod.Get, $"/v2/product/{SeedIds.SydneyMcr}/loa");
        Assert.Equal(400, status);
    }
}
