using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Megaport.Simulator.Tests;

/// <summary>
/// Never a 500 for what a client sends: every endpoint of the simulator (admin ones too) gets junk bodies, every valid
/// body with each value swapped for junk, and junk query strings. A refusal is a 4xx with the envelope and a Trace-Id,
/// malformed JSON is a 400 wherever a body is read, and the journal records the status really sent.
/// </summary>
public class FuzzTests
{
    private sealed record Route(string Method, string Pattern, string Path);

    private const string JunkQuery = "?vlan=abc&safeDelete=maybe&key=%00&productIdOrUid=&locationStatuses=%FF&srcLocation=x&year=-1&month=99&grant_type=";

    /// <summary>Every mapped route with its parameters filled from the seed (an update path gets a service of its kind).</summary>
    private static List<Route> Routes(TestSim sim)
    {
        var updateUid = new Dictionary<string, string>();
        lock (sim.Context.State.Gate)
            foreach (var kind in ProductRegistry.Default.All.Where(k => k.UpdatePath is not null))
                updateUid[kind.UpdatePath!] = sim.Context.State.Services.Values.First(s => s.Descriptor == kind && s.IsActive).Uid;
        var routes = new List<Route>();
        foreach (var e in sim.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern.RawText!;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            // A NAT gateway's own routes get the seeded gateway, and its filter (1) or prefix list (2).
            var nat = pattern.StartsWith(NatGatewayProduct.Root + "/{uid}");
            var path = pattern.StartsWith("{*") ? "/v9/nothing/here" : pattern
                .Replace("{uid}", updateUid.GetValueOrDefault(pattern, nat ? SeedIds.SydneyNatGateway : DefaultUid(pattern)))
                .Replace("{id:int}", pattern.Contains("prefix_lists") ? "2" : "1")
                .Replace("{action}", "CANCEL").Replace("{provider}", "azure").Replace("{**key}", SeedIds.AzureSydneyKey)
                .Replace("{id}", SeedIds.SydneyMcrPrefixList.ToString()).Replace("{companyUid}", SeedIds.BlueHarbour.Uid)
                .Replace("{employeeId}", Accounts.AccountSeed.TechnicalAdminUser.ToString()).Replace("{feed}", "maintenance");
            foreach (var m in methods) routes.Add(new Route(m, pattern, path));
        }
        return routes;
    }

    /// <summary>The seed service a route's {uid} names when it is not a kind's update path.</summary>
    private static string DefaultUid(string pattern) =>
        pattern.StartsWith("/_simulator/services") ? SeedIds.VxcPortToPort
        : pattern.StartsWith("/v3/order_approvals/") ? (pattern.EndsWith("/withdraw") ? Accounts.AccountSeed.OwnRequestToPartner : Accounts.AccountSeed.PendingApproval)
        : pattern.Contains("/mcr2/{uid}/") || pattern.Contains("/mcrs/{uid}/") || pattern.Contains("/{uid}/addon") ? SeedIds.SydneyMcr
        : SeedIds.SydneyPrimary;

    /// <summary>The route's path for the current state: an add-on route gets an add-on made for it (the seed MCR has none).</summary>
    private static async Task<string> PreparedPath(TestSim sim, Route route)
    {
        if (!route.Pattern.Contains("{addOnUid}")) return route.Path;
        using var resp = await sim.SendAsync(HttpMethod.Post, $"/v3/product/{SeedIds.SydneyMcr}/addon", new { addOnType = "IP_SEC", tunnelCount = 10 },
            token: await sim.NewTokenAsync());
        var text = await resp.Content.ReadAsStringAsync();
        Assert.True(resp.IsSuccessStatusCode, text);
        return route.Path.Replace("{addOnUid}", JsonNode.Parse(text)!["data"]!["addOnUid"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_client_input_gets_a_500()
    {
        await using var sim = await TestSim.StartAsync();
        var routes = Routes(sim);
        Assert.True(routes.Count > 30, $"only {routes.Count} routes found");
        var samples = FuzzBodies.Samples();
        var failures = new List<string>();
        var bodyRoutes = new List<string>();
        var total = 0;

        foreach (var route in routes)
        {
            var key = $"{route.Method} {route.Pattern}";
            var sent = new List<(string TraceId, int Status, string What)>();
            var token = await sim.NewTokenAsync(); // the previous route may have expired every token
            var path = await PreparedPath(sim, route);

            async Task<(int Status, string Text)> Send(FuzzBodies.Body? body, string query = "")
            {
                using var req = new HttpRequestMessage(new HttpMethod(route.Method), path + query);
                req.Headers.Authorization = route.Pattern == "/oauth2/token"
                    ? TestSim.Basic(SimulatorOptions.DefaultAccessKey, SimulatorOptions.DefaultSecretKey)
                    : new AuthenticationHeaderValue("Bearer", token);
                if (body is not null)
                {
                    req.Content = new ByteArrayContent(body.Bytes);
                    if (body.ContentType is not null) req.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
                }
                using var resp = await sim.Http.SendAsync(req);
                total++;
                var status = (int)resp.StatusCode;
                var text = await resp.Content.ReadAsStringAsync();
                var what = $"{key} [{body?.Name ?? "no body"}{query}] -> {status}";
                if (status >= 500) failures.Add($"{what}: {text[..Math.Min(300, text.Length)]}");
                if (!resp.Headers.TryGetValues("Trace-Id", out var ids)) { failures.Add($"{what}: no Trace-Id"); return (status, text); }
                sent.Add((ids.Single(), status, what));
                // The token endpoint answers OAuth's own {"error": …}, as the real auth server does; everything else the envelope.
                if (status >= 400 && route.Pattern != "/oauth2/token")
                {
                    JsonNode? json = null;
                    try { json = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { }
                    if (json is not JsonObject o || o["message"] is not JsonValue || !o.ContainsKey("data"))
                        failures.Add($"{what}: not the error envelope: {text[..Math.Min(200, text.Length)]}");
                }
                return (status, text);
            }

            // Does the route read a JSON body? A JSON-only reader refuses a text/plain one.
            var probe = await Send(new FuzzBodies.Body("probe", "{}"u8.ToArray(), "text/plain", true));
            var readsBody = probe.Status == 400 && probe.Text.Contains("is not supported: send application/json");
            if (readsBody) bodyRoutes.Add(key);

            await Send(null);
            await Send(null, JunkQuery);
            foreach (var body in FuzzBodies.Malformed().Concat(FuzzBodies.Odd()))
            {
                var (status, _) = await Send(body);
                if (readsBody && body.Malformed && status != 400) failures.Add($"{key} [{body.Name}] -> {status}, expected 400");
            }
            foreach (var sample in samples.GetValueOrDefault(key, []))
            {
                // The samples are valid, so a swapped value is refused by the rule that reads it, not by an earlier one.
                // A fresh seed first: an odd body before it may already have decided an approval or taken a name.
                using (var fresh = await sim.Http.PostAsync("/_simulator/reset", null)) Assert.True(fresh.IsSuccessStatusCode);
                path = await PreparedPath(sim, route);
                var (ok, answer) = await Send(new FuzzBodies.Body("sample", System.Text.Encoding.UTF8.GetBytes(sample.ToJsonString()), "application/json", false));
                if (ok is < 200 or > 299 && !(sample is JsonObject so && so.ContainsKey("isApproved"))) failures.Add($"{key}: sample {sample.ToJsonString()} -> {ok} {answer}");
                using (var reset = await sim.Http.PostAsync("/_simulator/reset", null)) Assert.True(reset.IsSuccessStatusCode);
                path = await PreparedPath(sim, route);
                foreach (var body in FuzzBodies.Mutations(sample)) await Send(body);
            }

            // Whatever was stored must still render, and the journal must have what was really sent.
            using (var products = await sim.SendAsync(HttpMethod.Get, "/v2/products", token: await sim.NewTokenAsync()))
                if ((int)products.StatusCode != 200) failures.Add($"{key}: GET /v2/products -> {(int)products.StatusCode} afterwards");
            var journal = (await sim.Http.GetFromJsonNode("/_simulator/requests")).AsArray()
                .ToDictionary(r => r!["traceId"]!.GetValue<string>(), r => r!["status"]!.GetValue<int>());
            foreach (var (traceId, status, what) in sent)
                if (!route.Pattern.StartsWith("/_simulator") && journal.TryGetValue(traceId, out var logged) && logged != status)
                    failures.Add($"{what}: journaled as {logged}");
            using (var reset = await sim.Http.PostAsync("/_simulator/reset", null)) Assert.True(reset.IsSuccessStatusCode);
        }

        Assert.True(total > 3000, $"only {total} requests sent");
        Assert.True(failures.Count == 0, $"{failures.Count} failures in {total} requests:\n" + string.Join("\n", failures.Take(60)));
        Assert.Equal(samples.Keys.Order(StringComparer.Ordinal), bodyRoutes.Order(StringComparer.Ordinal));
    }
}
