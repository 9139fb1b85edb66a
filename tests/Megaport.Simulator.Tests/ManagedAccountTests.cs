using System.Text.Json.Nodes;
using Megaport.Simulator.Seed;
using Microsoft.Data.Sqlite;

namespace Megaport.Simulator.Tests;

/// <summary>Managed companies (<c>/v2/managedCompanies</c>) and acting for one with <c>X-Call-Context</c>: per-company state.</summary>
public sealed class ManagedAccountTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("megaport-managed-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string Uid(JsonNode? product) => product!["productUid"]!.GetValue<string>();

    [Fact]
    public async Task The_seed_lists_two_managed_companies_in_the_sdk_shape()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/managedCompanies");
        Assert.Equal(200, status);
        Assert.Equal("Managed Accounts.", json!["message"]!.GetValue<string>());
        var list = json["data"]!.AsArray();
        Assert.Equal(2, list.Count);
        var acme = list.Single(a => a!["companyUid"]!.GetValue<string>() == SeedIds.AcmeRetail.Uid)!;
        Assert.Equal("Acme Retail Group", acme["accountName"]!.GetValue<string>());
        Assert.Equal("ACME-001", acme["accountRef"]!.GetValue<string>());
        Assert.Equal(["accountRef", "accountName", "companyUid"], acme.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_created_company_is_listed_and_can_be_renamed()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync("/v2/managedCompanies", new { accountName = "Contoso", accountRef = "C-1" });
        Assert.Equal(200, status);
        Assert.Equal("New managed company has been successfully created.", json!["message"]!.GetValue<string>());
        var uid = json["data"]!["companyUid"]!.GetValue<string>();
        Assert.True(Guid.TryParse(uid, out _));
        (status, json) = await sim.PutAsync("/v2/managedCompanies/" + uid, new { accountName = "Contoso Ltd", accountRef = "C-2" });
        Assert.Equal(200, status);
        Assert.Equal("Contoso Ltd", json!["data"]!["accountName"]!.GetValue<string>());
        var listed = (await sim.GetDataAsync("/v2/managedCompanies")).AsArray().Single(a => a!["companyUid"]!.GetValue<string>() == uid)!;
        Assert.Equal("C-2", listed["accountRef"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"accountRef":"R"}""", "accountName is required")]
    [InlineData("""{"accountName":"  ","accountRef":"R"}""", "accountName is required")]
    [InlineData("""{"accountName":"New"}""", "accountRef is required")]
    [InlineData("""{"accountName":"Acme Retail Group","accountRef":"R"}""", "already exists")]
    public async Task Bad_creates_are_refused(string body, string detail)
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync("/v2/managedCompanies", body);
        Assert.Equal(400, status);
        Assert.Contains(detail, json!["data"]!.GetValue<string>());
        Assert.Equal(2, (await sim.GetDataAsync("/v2/managedCompanies")).AsArray().Count);
    }

    [Fact]
    public async Task A_name_over_128_characters_is_refused()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.PostAsync("/v2/managedCompanies", new { accountName = new string('x', 129), accountRef = "R" });
        Assert.Equal(400, status);
        Assert.Contains("1-128", json!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_an_unknown_company_is_404_and_an_update_needs_both_fields()
    {
        await using var sim = await TestSim.StartAsync();
        Assert.Equal(404, (await sim.PutAsync("/v2/managedCompanies/" + Guid.NewGuid(), new { accountName = "X", accountRef = "Y" })).Status);
        var (status, json) = await sim.PutAsync("/v2/managedCompanies/" + SeedIds.BlueHarbour.Uid, new { accountName = "Blue Harbour" });
        Assert.Equal(400, status);
        Assert.Contains("accountRef is required", json!["data"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_managed_companys_services_are_seen_only_when_acting_for_it()
    {
        await using var sim = await TestSim.StartAsync();
        var own = (await sim.ProductsAsync()).Select(Uid).ToList();
        Assert.DoesNotContain(SeedIds.AcmeSydneyPort, own);
        Assert.Contains(SeedIds.SydneyPrimary, own);
        Assert.Equal(400, (await sim.CallAsync(HttpMethod.Get, "/v2/product/" + SeedIds.AcmeSydneyPort)).Status);

        sim.CallContext = SeedIds.AcmeRetail.Uid;
        var acme = (await sim.ProductsAsync()).Select(Uid).ToList();
        Assert.Equal([SeedIds.AcmeSydneyPort], acme);
        Assert.Equal("Acme Retail Group", (await sim.ProductAsync(SeedIds.AcmeSydneyPort))["companyName"]!.GetValue<string>());
        // The partner's own services are not the managed company's.
        Assert.Equal(400, (await sim.CallAsync(HttpMethod.Get, "/v2/product/" + SeedIds.SydneyPrimary)).Status);
    }

    [Fact]
    public async Task What_is_ordered_acting_for_a_company_belongs_to_it()
    {
        await using var sim = await TestSim.StartAsync();
        sim.CallContext = SeedIds.BlueHarbour.Uid;
        var port = (await sim.BuyOk(Orders.Port("harbour-port")))[0]!["technicalServiceUid"]!.GetValue<string>();
        // A VXC from it may only land on the same company's ports: the partner's are unknown here.
        var refused = await sim.BothFail(Orders.Vxc(port, SeedIds.SydneySecondary));
        Assert.Contains(SeedIds.SydneySecondary, refused);
        Assert.Equal("Blue Harbour Logistics", (await sim.ProductAsync(port))["companyName"]!.GetValue<string>());

        sim.CallContext = null;
        Assert.DoesNotContain(port, (await sim.ProductsAsync()).Select(Uid));
        Assert.Equal(400, (await sim.CallAsync(HttpMethod.Get, "/v2/product/" + port)).Status);
        sim.CallContext = SeedIds.AcmeRetail.Uid;
        Assert.DoesNotContain(port, (await sim.ProductsAsync()).Select(Uid));
    }

    [Fact]
    public async Task The_partners_own_uid_acts_as_the_partner()
    {
        await using var sim = await TestSim.StartAsync();
        sim.CallContext = SeedIds.DemoCompany.Uid;
        Assert.Contains(SeedIds.SydneyPrimary, (await sim.ProductsAsync()).Select(Uid));
    }

    [Theory]
    [InlineData("c8f5a3d1-2b6e-4f9a-8d3c-7e1b5a9f2d04", 403)] // AWS: a company, but not one this partner manages
    [InlineData("not-a-company", 403)]
    [InlineData("", 400)]
    [InlineData("   ", 400)]
    public async Task A_context_that_is_not_a_managed_company_is_refused(string context, int expected)
    {
        await using var sim = await TestSim.StartAsync();
        sim.CallContext = context;
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/products");
        Assert.Equal(expected, status);
        var text = json!["message"]!.GetValue<string>() + " " + json["data"]!.GetValue<string>();
        Assert.Contains(expected == 400 ? "X-Call-Context is empty" : "not a company this account manages", text);
    }

    [Fact]
    public async Task Only_the_partner_lists_or_changes_managed_companies()
    {
        await using var sim = await TestSim.StartAsync();
        sim.CallContext = SeedIds.AcmeRetail.Uid;
        Assert.Equal(403, (await sim.CallAsync(HttpMethod.Get, "/v2/managedCompanies")).Status);
        Assert.Equal(403, (await sim.PostAsync("/v2/managedCompanies", new { accountName = "Sub", accountRef = "S" })).Status);
        Assert.Equal(403, (await sim.PutAsync("/v2/managedCompanies/" + SeedIds.AcmeRetail.Uid, new { accountName = "A", accountRef = "B" })).Status);
    }

    [Fact]
    public async Task The_journal_records_each_requests_call_context()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.ProductsAsync();
        sim.CallContext = SeedIds.AcmeRetail.Uid;
        await sim.ProductsAsync();
        sim.CallContext = null;
        var journal = (await sim.Http.GetFromJsonNode("/_simulator/requests?path=/v2/products")).AsArray();
        Assert.Equal([null, SeedIds.AcmeRetail.Uid], journal.Select(r => r!["callContext"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Managed_companies_and_their_services_survive_a_restart()
    {
        var file = Path.Combine(_dir, "state.db");
        string company, port;
        await using (var sim = await TestSim.StartAsync(o => o.StateFile = file))
        {
            company = (await sim.PostAsync("/v2/managedCompanies", new { accountName = "Kept", accountRef = "K-1" })).Json!["data"]!["companyUid"]!.GetValue<string>();
            sim.CallContext = company;
            port = (await sim.BuyOk(Orders.Port("kept-port")))[0]!["technicalServiceUid"]!.GetValue<string>();
        }
        await using (var sim = await TestSim.StartAsync(o => o.StateFile = file))
        {
            Assert.Contains(company, (await sim.GetDataAsync("/v2/managedCompanies")).AsArray().Select(a => a!["companyUid"]!.GetValue<string>()));
            Assert.DoesNotContain(port, (await sim.ProductsAsync()).Select(Uid));
            sim.CallContext = company;
            Assert.Equal([port], (await sim.ProductsAsync()).Select(Uid));
        }
    }
}
