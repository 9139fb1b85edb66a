using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Megaport.Simulator.Tests;

/// <summary>An in-process simulator on a free loopback port, plus HTTP helpers. One per test keeps tests isolated.</summary>
public sealed class TestSim : IAsyncDisposable
{
    private readonly SimulatorApp _app;
    private string? _token;

    private TestSim(SimulatorApp app)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }
    /// <summary>Sent as X-Call-Context on every API request while set: the managed company the calls act for.</summary>
    public string? CallContext { get; set; }
    public Uri BaseUri => _app.BaseUri;
    public SimulatorContext Context => _app.Context;
    public WebApplication App => _app.App;

    /// <param name="configureApp">Adds test-only endpoints before the app starts.</param>
    public static async Task<TestSim> StartAsync(Action<SimulatorOptions>? configure = null, TimeProvider? clock = null,
        Action<WebApplication>? configureApp = null)
    {
        var options = new SimulatorOptions { Port = 0, ProvisionDelayMs = 0 };
        configure?.Invoke(options);
        var app = SimulatorApp.Create(options, clock);
        configureApp?.Invoke(app.App);
        await app.StartAsync();
        return new TestSim(app);
    }

    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    public async Task<string> NewTokenAsync()
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token?grant_type=client_credentials");
        req.Headers.Authorization = Basic(SimulatorOptions.DefaultAccessKey, SimulatorOptions.DefaultSecretKey);
        using var resp = await Http.SendAsync(req);
        Assert.Equal(200, (int)resp.StatusCode);
        var json = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
        return json["access_token"]!.GetValue<string>();
    }

    public async Task<string> TokenAsync() => _token ??= await NewTokenAsync();

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null, bool auth = true)
    {
        using var req = new HttpRequestMessage(method, path);
        if (auth) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await TokenAsync());
        if (CallContext is not null) req.Headers.TryAddWithoutValidation("X-Call-Context", CallContext);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            req.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        return await Http.SendAsync(req);
    }

    /// <summary>Sends and parses: returns (status, parsed body).</summary>
    public async Task<(int Status, JsonNode? Json)> CallAsync(HttpMethod method, string path, object? body = null, bool auth = true)
    {
        using var resp = await SendAsync(method, path, body, auth: auth);
        var text = await resp.Content.ReadAsStringAsync();
        return ((int)resp.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetDataAsync(string path)
    {
        var (status, json) = await CallAsync(HttpMethod.Get, path);
        Assert.True(status == 200, $"GET {path} -> {status}: {json?.ToJsonString()}");
        return json!["data"]!;
    }

    public Task<(int Status, JsonNode? Json)> PostAsync(string path, object? body) => CallAsync(HttpMethod.Post, path, body);
    public Task<(int Status, JsonNode? Json)> PutAsync(string path, object? body) => CallAsync(HttpMethod.Put, path, body);

    public async Task<JsonNode> ProductAsync(string uid) => await GetDataAsync("/v2/product/" + uid);

    public async Task<JsonArray> ProductsAsync() => (JsonArray)await GetDataAsync("/v2/products");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Loads the real API fixtures (the repository's copy in tests/Megaport.Tests/Fixtures) and compares shapes.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Dir = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("MEGAPORT_FIXTURES");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            // The repository keeps a byte-for-byte copy (tests/Megaport.Tests/Fixtures), so a clean clone needs nothing beside it.
            foreach (var candidate in new[] { Path.Combine(d.FullName, "tests", "Megaport.Tests", "Fixtures"),
                                              Path.Combine(d.FullName, "shared", "fixtures", "megaport-api"),
                                              Path.Combine(d.FullName, "..", "shared", "fixtures", "megaport-api") })
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException("tests/Megaport.Tests/Fixtures not found above the test assembly (set MEGAPORT_FIXTURES)");
    });

    public static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Dir.Value, name)))!;

    /// <summary>
    /// Asserts that every key of <paramref name="expected"/> (recursively, first array element for arrays) exists in
    /// <paramref name="actual"/> with exactly the same spelling and case.
    /// </summary>
    public static void AssertHasShape(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is JsonObject eo)
        {
            Assert.True(actual is JsonObject, $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}");
            var ao = (JsonObject)actual!;
            foreach (var (key, value) in eo)
            {
                Assert.True(ao.ContainsKey(key), $"{path}: missing key '{key}' (have: {string.Join(", ", ao.Select(p => p.Key))})");
                if (value is JsonObject or JsonArray && ao[key] is JsonObject or JsonArray) AssertHasShape(value, ao[key], $"{path}.{key}");
            }
        }
        else if (expected is JsonArray ea && ea.Count > 0 && ea[0] is JsonObject)
        {
            Assert.True(actual is JsonArray { Count: > 0 }, $"{path}: expected a non-empty array");
            AssertHasShape(ea[0], ((JsonArray)actual!)[0], $"{path}[0]");
        }
    }
}

/// <summary>A clock the test moves by hand, so provisioning delays pass without sleeping.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
