using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace Megaport.Transport
{
    /// <summary>
    /// OAuth2 client-credentials tokens for one API key: fetched once, shared by concurrent callers, refreshed a
    /// little before expiry and on demand after a 401. The secret key is kept only as a read-only SecureString.
    /// </summary>
    internal sealed class AccessTokens : IDisposable
    {
        readonly MegaportClient _client;
        readonly Uri _tokenUri;
        readonly string _accessKey;
        readonly SecureString _secretKey;
        readonly SemaphoreSlim _lock = new(1, 1);
        volatile AccessToken? _token;

        public AccessTokens(MegaportClient client, Uri tokenUri, string accessKey, SecureString secretKey)
        {
            _client = client;
            _tokenUri = tokenUri;
            _accessKey = accessKey;
            _secretKey = secretKey.Copy();
            _secretKey.MakeReadOnly();
        }

        /// <summary>How many token requests were made (diagnostics and tests).</summary>
        public int Requests;

        public DateTime? ExpiresAt => _token?.ExpiresAt;

        public void Dispose()
        {
            _secretKey.Dispose();
            _lock.Dispose();
        }

        sealed class AccessToken
        {
            public AccessToken(string value, DateTime issuedAt, TimeSpan lifetime)
            {
                Value = value;
                ExpiresAt = issuedAt + lifetime;
                // Refresh a little before expiry: 10% of the lifetime, at most a minute.
                RefreshAt = ExpiresAt - TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
            }
            public string Value { get; }
            public DateTime ExpiresAt { get; }
            public DateTime RefreshAt { get; }
        }

        bool Usable(AccessToken? token, string? rejected) =>
            token != null && _client.Timings.UtcNow < token.RefreshAt && token.Value != rejected;

        /// <summary>A usable token (a new one when <paramref name="force"/>, or when <paramref name="rejected"/> was refused).</summary>
        public async Task<string> GetAsync(CallContext ctx, string? rejected, bool force = false)
        {
            var current = _token;
            if (!force && Usable(current, rejected)) return current!.Value;
            await _lock.WaitAsync(ctx.Token).ConfigureAwait(false);
            try
            {
                current = _token;
                if (!force && Usable(current, rejected)) return current!.Value;
                var fresh = await RequestAsync(ctx).ConfigureAwait(false);
                _token = fresh;
                return fresh.Value;
            }
            finally
            {
                _lock.Release();
            }
        }

        async Task<AccessToken> RequestAsync(CallContext ctx)
        {
            Interlocked.Increment(ref Requests);
            // The token endpoint is on another host: name it in full, so an error says which environment was asked.
            var path = _tokenUri.GetLeftPart(UriPartial.Path);
            var started = _client.Timings.UtcNow;
            return await _client.Retries.RunAsync("POST", path, RetryKind.Read, ctx, async () =>
            {
                var request = new RestRequest(_tokenUri, Method.Post);
                request.AddHeader("Authorization", "Basic " + BasicCredential());
                request.AddHeader("Accept", "application/json");
                request.AddParameter("grant_type", "client_credentials", ParameterType.GetOrPost);
                var response = await _client.ExecuteAsync(request, "POST", path, ctx).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var traceId = HttpErrors.TraceId(response);
                JObject? body = null;
                try { body = Json.Parse(response.Content ?? "") as JObject; } catch (JsonException) { }
                if (status is 400 or 401 or 403)
                {
                    var reason = body.Str("error_description") ?? body.Str("error") ?? body.Str("message") ?? response.StatusDescription;
                    throw new MegaportException(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                        $"Megaport refused the API key {_accessKey}: " + MegaportException.Describe("POST", path, status, reason, null, traceId),
                        _accessKey)
                    {
                        Method = "POST", Path = path, StatusCode = status, ApiMessage = reason, TraceId = traceId,
                        RecommendedAction = "Check the access key and secret key, and that they were made for this environment.",
                    };
                }
                if (status < 200 || status > 299) throw HttpErrors.FromResponse("POST", path, response, RetryKind.Read);
                var token = body.Str("access_token");
                if (body == null || token == null || body.Str("error") != null)
                    throw new MegaportException(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                        "The token endpoint did not return an access token" + (body.Str("error") is string e ? ": " + e : ".") + $" (Trace-Id {traceId})", _accessKey)
                    { Method = "POST", Path = path, StatusCode = status, TraceId = traceId };
                return new AccessToken(token, started, TimeSpan.FromSeconds(Math.Max(1, body.Long("expires_in") ?? 3600)));
            }).ConfigureAwait(false);
        }

        string BasicCredential()
        {
            var secret = new NetworkCredential(string.Empty, _secretKey).Password;
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(_accessKey + ":" + secret));
        }
    }
}
