using System;
using System.Linq;
using System.Net;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>The client over real HTTP against a scripted stub: tokens, retries, the envelope and error mapping.</summary>
    public class ClientTests
    {
        const string AccessKey = "test-access";
        const string SecretKey = "s3cr3t-key-value";

        /// <summary>A client whose retry pauses are not slept (the -Verbose lines still say what was asked for).</summary>
        static MegaportClient NewClient(StubServer stub, TimeSpan? timeout = null)
        {
            var secret = new SecureString();
            foreach (var c in SecretKey) secret.AppendChar(c);
            return new MegaportClient(stub.BaseUri, new Uri(stub.BaseUri, "oauth2/token"), AccessKey, secret, timeout ?? TimeSpan.FromSeconds(10),
                new Timings { PauseScale = 0 });
        }

        static bool IsToken(StubRequest r) => r.PathAndQuery.StartsWith("/oauth2/token", StringComparison.Ordinal);

        [Fact]
        public async Task TokenUsesBasicCredentialsAndIsCachedAcrossCalls()
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("tok-1") : StubResponses.Envelope("ok", "[]"));
            using var client = NewClient(stub);
            for (var i = 0; i < 5; i++) await client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None);

            var tokenRequests = stub.Requests.Where(IsToken).ToList();
            var token = Assert.Single(tokenRequests);
            Assert.Equal("POST", token.Method);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AccessKey + ":" + SecretKey)), token.Authorization);
            Assert.Contains("grant_type=client_credentials", token.Body + token.PathAndQuery);
            var calls = stub.Requests.Where(r => !IsToken(r)).ToList();
            Assert.Equal(5, calls.Count);
            Assert.All(calls, c => Assert.Equal("Bearer tok-1", c.Authorization));
            Assert.All(stub.Requests, r => Assert.DoesNotContain("tok-1", r.PathAndQuery)); // never in a URL
        }

        [Fact]
        public async Task TokenIsRefreshedBeforeItExpires()
        {
            var issued = 0;
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("tok-" + Interlocked.Increment(ref issued), expiresIn: 2) : StubResponses.Envelope("ok", "[]"));
            using var client = NewClient(stub);
            await client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None);
            await client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None);
            Assert.Equal(1, issued);
            client.Timings.ClockOffset = TimeSpan.FromSeconds(2); // past the refresh point (10% before expiry), without sleeping
            await client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None);
            Assert.Equal(2, issued);
            Assert.Equal("Bearer tok-2", stub.Requests.Last().Authorization);
        }

        [Fact]
        public async Task A401GetsOneNewTokenAndOneRetry()
        {
            var issued = 0;
            using var stub = new StubServer(r =>
                IsToken(r) ? StubResponses.Token("tok-" + Interlocked.Increment(ref issued))
                : r.Authorization == "Bearer tok-1" ? StubResponses.Envelope("Unauthorized", "null", 401)
                : StubResponses.Envelope("ok", "{\"productUid\":\"abc\"}"));
            using var client = NewClient(stub);
            var result = await client.SendAsync("GET", "/v2/product/abc", null, RetryKind.Read, CallContext.None);
            Assert.Equal("abc", ((Newtonsoft.Json.Linq.JObject)result.Data!).Str("productUid"));
            Assert.Equal(2, issued);
        }

        [Fact]
        public async Task A401AfterARefreshIsAuthenticationFailed()
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token(Guid.NewGuid().ToString()) : StubResponses.Envelope("Unauthorized", "null", 401));
            using var client = NewClient(stub);
            var ex = await Assert.ThrowsAsync<MegaportException>(() => client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None));
            Assert.Equal(ErrorIds.AuthenticationFailed, ex.ErrorId);
            Assert.Equal(2, stub.Requests.Count(IsToken));
            Assert.Equal(2, stub.Requests.Count(r => !IsToken(r)));
        }

        [Fact]
        public async Task BadKeysFailAtTheTokenEndpoint()
        {
            using var stub = new StubServer(r => new StubReply(401, "{\"error\":\"invalid_client\"}"));
            using var client = NewClient(stub);
            var ex = await Assert.ThrowsAsync<MegaportException>(() => client.AuthenticateAsync(CallContext.None));
            Assert.Equal(ErrorIds.AuthenticationFailed, ex.ErrorId);
            Assert.Contains("invalid_client", ex.Message);
            Assert.DoesNotContain(SecretKey, ex.Message);
            Assert.Single(stub.Requests); // a refusal is not retried
        }

        [Fact]
        public async Task ConcurrentCallersShareOneTokenRequest()
        {
            using var stub = new StubServer(r =>
            {
                if (IsToken(r)) { Thread.Sleep(200); return StubResponses.Token("shared"); }
                return StubResponses.Envelope("ok", "[]");
            });
            using var client = NewClient(stub);
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None))));
            Assert.Equal(1, stub.Requests.Count(IsToken));
            Assert.Equal(1, client.TokenRequests);
        }

        [Theory]
        [InlineData(400, "{\"message\":\"Validation failed\",\"data\":\"Valid B-End is required\"}", ErrorIds.ValidationFailed)]
        [InlineData(400, "{\"message\":\"Could not find a service with UID abc\",\"data\":null}", ErrorIds.ServiceNotFound)]
        [InlineData(403, "{\"message\":\"Forbidden\",\"data\":null}", ErrorIds.PermissionDenied)]
        [InlineData(404, "{\"message\":\"MCR not found\",\"data\":\"\"}", ErrorIds.ServiceNotFound)]
        [InlineData(500, "{\"message\":\"internal server error\",\"data\":null}", ErrorIds.ApiError)]
        [InlineData(501, "not json at all", ErrorIds.ApiError)]
        public async Task StatusCodesMapToErrorIdsWithTraceId(int status, string body, string errorId)
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("t") : new StubReply(status, body));
            using var client = NewClient(stub);
            var ex = await Assert.ThrowsAsync<MegaportException>(() => client.SendAsync("GET", "/v2/product/abc", null, RetryKind.Read, CallContext.None));
            Assert.Equal(errorId, ex.ErrorId);
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal("GET", ex.Method);
            Assert.Equal("/v2/product/abc", ex.Path);
            Assert.NotNull(ex.TraceId);
            Assert.Contains("Trace-Id " + ex.TraceId, ex.Message);
            Assert.Equal(1, stub.Requests.Count(r => !IsToken(r))); // none of these is retried
        }

        [Fact]
        public async Task ReadsRetry503HonouringRetryAfterAndLogEachRetry()
        {
            var calls = 0;
            using var stub = new StubServer(r =>
                IsToken(r) ? StubResponses.Token("t")
                : Interlocked.Increment(ref calls) <= 2 ? new StubReply(503, "{\"message\":\"down\"}", new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "0" })
                : StubResponses.Envelope("ok", "[1]"));
            using var client = NewClient(stub);
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var result = await client.SendAsync("GET", "/v2/products", null, RetryKind.Read, new CallContext(CancellationToken.None, lines.Enqueue));
            Assert.Equal(3, calls);
            Assert.Equal(2, lines.Count(l => l.Contains("retry", StringComparison.OrdinalIgnoreCase)));
            Assert.Contains(lines, l => l.StartsWith("GET /v2/products -> 503 in ", StringComparison.Ordinal) && l.Contains("Trace-Id"));
        }

        [Fact]
        public async Task RateLimitedAfterThreeRetries()
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("t")
                : new StubReply(429, "{\"message\":\"Too many requests\"}", new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "0" }));
            using var client = NewClient(stub);
            var ex = await Assert.ThrowsAsync<MegaportException>(() => client.SendAsync("GET", "/v2/products", null, RetryKind.Read, CallContext.None));
            Assert.Equal(ErrorIds.RateLimited, ex.ErrorId);
            Assert.Equal(1 + RetryPolicy.MaxRetries, stub.Requests.Count(r => !IsToken(r)));
        }

        [Fact]
        public async Task WritesAreNotRetriedOn5xxAndReportAnUnknownOutcome()
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("t") : new StubReply(503, "{\"message\":\"busy\"}"));
            using var client = NewClient(stub);
            var ex = await Assert.ThrowsAsync<MegaportException>(() =>
                client.SendAsync("POST", "/v4/networkdesign/buy", Newtonsoft.Json.Linq.JToken.Parse("{\"networkDesign\":[]}"), RetryKind.Write, CallContext.None));
            Assert.True(ex.OutcomeUnknown);
            Assert.Equal(1, stub.Requests.Count(r => !IsToken(r)));
        }

        [Fact]
        public async Task StreamingHandsOutItemsAndSkipsOtherProperties()
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("t")
                : new StubReply(200, "{\"message\":\"m\",\"extra\":{\"data\":[9]},\"data\":[{\"a\":1},{\"a\":2},{\"a\":3}],\"terms\":\"x\"}"));
            using var client = NewClient(stub);
            var items = new System.Collections.Generic.List<int>();
            await client.StreamArrayAsync("/v2/products", o => items.Add(o.Int("a")!.Value), CallContext.None);
            Assert.Equal(new[] { 1, 2, 3 }, items);
        }

        [Fact]
        public async Task MalformedBodyIsAnApiErrorAfterRetriesWithExponentialBackoff()
        {
            using var stub = new StubServer(r => IsToken(r) ? StubResponses.Token("t") : new StubReply(200, "{\"message\":\"m\",\"data\":[{\"a\":1"));
            using var client = NewClient(stub);
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var ex = await Assert.ThrowsAsync<MegaportException>(() => client.SendAsync("GET", "/v3/locations", null, RetryKind.Read, new CallContext(CancellationToken.None, lines.Enqueue)));
            Assert.Equal(ErrorIds.ApiError, ex.ErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, ex.Category);
            Assert.Equal(1 + RetryPolicy.MaxRetries, stub.Requests.Count(r => !IsToken(r)));
            // 1 s, 2 s, 4 s, each +-20% jitter: what the pauses were asked to be, not how long the test took.
            var delays = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"retry \d of 3 in ([\d.]+) s")).Where(m => m.Success)
                .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(3, delays.Count);
            Assert.InRange(delays[0], 0.8, 1.2);
            Assert.InRange(delays[1], 1.6, 2.4);
            Assert.InRange(delays[2], 3.2, 4.8);
        }

        [Fact]
        public async Task CancellationStopsAWaitingRequestPromptly()
        {
            using var stub = new StubServer(r => { if (!IsToken(r)) Thread.Sleep(5000); return IsToken(r) ? StubResponses.Token("t") : StubResponses.Envelope("ok", "[]"); });
            using var client = NewClient(stub);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync("GET", "/v2/products", null, RetryKind.Read, new CallContext(cts.Token)));
            Assert.True(watch.ElapsedMilliseconds < 2000, $"took {watch.ElapsedMilliseconds} ms");
        }
    }
}
