using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Megaport.Simulator.Tests;

public class AuthTests
{
    private static async Task<(int Status, JsonNode? Json, HttpResponseMessage Resp)> TokenCall(TestSim sim, string url,
        AuthenticationHeaderValue? auth, HttpContent? content = null)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        req.Headers.Authorization = auth;
        var resp = await sim.Http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        return ((int)resp.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null, resp);
    }

    private static AuthenticationHeaderValue Good => TestSim.Basic(SimulatorOptions.DefaultAccessKey, SimulatorOptions.DefaultSecretKey);

    [Fact]
    public async Task Token_with_grant_type_in_query_is_not_enveloped()
    {
        await using var sim = await TestSim.StartAsync(o => o.TokenLifetimeSeconds = 1234);
        var (status, json, resp) = await TokenCall(sim, "/oauth2/token?grant_type=client_credentials", Good);
        Assert.Equal(200, status);
        Assert.Equal("Bearer", json!["token_type"]!.GetValue<string>());
        Assert.Equal(1234, json["expires_in"]!.GetValue<int>());
        Assert.True(json["access_token"]!.GetValue<string>().Length >= 32);
        Assert.Null(json["message"]);
        Assert.True(resp.Headers.Contains("Trace-Id"));
    }

    [Fact]
    public async Task Token_with_grant_type_in_form_body()
    {
        await using var sim = await TestSim.StartAsync();
        var form = new FormUrlEncodedContent([new("grant_type", "client_credentials")]);
        var (status, json, _) = await TokenCall(sim, "/oauth2/token", Good, form);
        Assert.Equal(200, status);
        Assert.NotNull(json!["access_token"]);
    }

    [Fact]
    public async Task Tokens_are_random()
    {
        await using var sim = await TestSim.StartAsync();
        var a = await sim.NewTokenAsync();
        var b = await sim.NewTokenAsync();
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("simulator-access-key", "wrong")]
    [InlineData("wrong", "simulator-secret-key")]
    public async Task Bad_credentials_give_401_invalid_client(string id, string secret)
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json, resp) = await TokenCall(sim, "/oauth2/token?grant_type=client_credentials", TestSim.Basic(id, secret));
        Assert.Equal(401, status);
        Assert.Equal("invalid_client", json!["error"]!.GetValue<string>());
        Assert.True(resp.Headers.Contains("Trace-Id"));
    }

    [Fact]
    public async Task Missing_credentials_give_401()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json, _) = await TokenCall(sim, "/oauth2/token?grant_type=client_credentials", null);
        Assert.Equal(401, status);
        Assert.Equal("invalid_client", json!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/oauth2/token")]
    [InlineData("/oauth2/token?grant_type=password")]
    public async Task Missing_or_wrong_grant_type_gives_400(string url)
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json, _) = await TokenCall(sim, url, Good);
        Assert.Equal(400, status);
        Assert.Equal("unsupported_grant_type", json!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custom_keys_from_options_are_used()
    {
        await using var sim = await TestSim.StartAsync(o => { o.AccessKey = "ak"; o.SecretKey = "sk"; });
        Assert.Equal(401, (await TokenCall(sim, "/oauth2/token?grant_type=client_credentials", Good)).Status);
        Assert.Equal(200, (await TokenCall(sim, "/oauth2/token?grant_type=client_credentials", TestSim.Basic("ak", "sk"))).Status);
    }

    [Fact]
    public async Task Api_without_bearer_gives_401_envelope_with_trace_id()
    {
        await using var sim = await TestSim.StartAsync();
        using var resp = await sim.SendAsync(HttpMethod.Get, "/v3/locations", auth: false);
        Assert.Equal(HttpStatusCode.Unauthorized, resp.StatusCode);
        var json = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
        Assert.Equal("Unauthorized", json["message"]!.GetValue<string>());
        Assert.NotNull(json["terms"]);
        Assert.True(json.AsObject().ContainsKey("data"));
        Assert.True(resp.Headers.Contains("Trace-Id"));
    }

    [Fact]
    public async Task Token_in_query_string_is_never_accepted()
    {
        await using var sim = await TestSim.StartAsync();
        var token = await sim.TokenAsync();
        foreach (var name in new[] { "access_token", "token", "Authorization" })
        {
            using var resp = await sim.SendAsync(HttpMethod.Get, $"/v3/locations?{name}={token}", auth: false);
            Assert.Equal(HttpStatusCode.Unauthorized, resp.StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_token_and_expired_token_give_401()
    {
        await using var sim = await TestSim.StartAsync();
        using (var resp = await sim.SendAsync(HttpMethod.Get, "/v3/locations", token: "not-a-real-token-000000000000000000000"))
            Assert.Equal(HttpStatusCode.Unauthorized, resp.StatusCode);

        var token = await sim.TokenAsync();
        using (var ok = await sim.SendAsync(HttpMethod.Get, "/v3/locations", token: token))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var expire = await sim.Http.PostAsync("/_simulator/tokens/expire", null))
            Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        using (var resp = await sim.SendAsync(HttpMethod.Get, "/v3/locations", token: token))
            Assert.Equal(HttpStatusCode.Unauthorized, resp.StatusCode);
        // A new token works again.
        using (var ok = await sim.SendAsync(HttpMethod.Get, "/v3/locations", token: await sim.NewTokenAsync()))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Token_lifetime_is_enforced()
    {
        // Simulator time is stepped: no sleeping for the token to run out.
        var clock = new ManualClock();
        await using var sim = await TestSim.StartAsync(o => o.TokenLifetimeSeconds = 1, clock);
        var token = await sim.NewTokenAsync();
        clock.Advance(TimeSpan.FromMilliseconds(900));
        using (var ok = await sim.SendAsync(HttpMethod.Get, "/v2/products", token: token))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        using var resp = await sim.SendAsync(HttpMethod.Get, "/v2/products", token: token);
        Assert.Equal(HttpStatusCode.Unauthorized, resp.StatusCode);
    }

    [Fact]
    public async Task Admin_endpoints_need_no_auth_and_carry_trace_id()
    {
        await using var sim = await TestSim.StartAsync();
        using var resp = await sim.Http.GetAsync("/_simulator/stats");
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.True(resp.Headers.Contains("Trace-Id"));
    }

    [Fact]
    public async Task Unknown_path_with_valid_token_is_404_envelope()
    {
        await using var sim = await TestSim.StartAsync();
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v9/nothing/here");
        Assert.Equal(404, status);
        Assert.Equal("Not Found", json!["message"]!.GetValue<string>());
    }
}
