using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace Megaport.Client
{
    /// <summary>Result of a successful call: the envelope's message and data.</summary>
    internal sealed class ApiResult
    {
        public ApiResult(int status, string? message, JToken? data, string? traceId)
        {
            Status = status;
            Message = message;
            Data = data;
            TraceId = traceId;
        }
        public int Status { get; }
        public string? Message { get; }
        public JToken? Data { get; }
        public string? TraceId { get; }
    }

    /// <summary>
    /// The HTTP transport of one session: one RestClient (connection reuse), OAuth2 client-credentials tokens,
    /// the retry policy, the {message, terms, data} envelope and the mapping of failures to ErrorIds.
    /// Safe to share between runspaces.
    /// </summary>
    internal sealed class MegaportClient : ISessionConnection
    {
        public const int MaxRetries = 3;
        static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(1);
        static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(30);
        static readonly string UserAgent = "Megaport-PowerShell/" + typeof(MegaportClient).Assembly.GetName().Version?.ToString(3);

        readonly RestClient _rest;
        readonly Uri _tokenUri;
        readonly string _accessKey;
        readonly SecureString _secretKey;
        readonly SemaphoreSlim _tokenLock = new(1, 1);
        volatile AccessToken? _token;
        [ThreadStatic] static Random? _random;

        public MegaportClient(Uri baseUri, Uri tokenUri, string accessKey, SecureString secretKey, TimeSpan timeout)
        {
            _tokenUri = tokenUri;
            _accessKey = accessKey;
            _secretKey = secretKey.Copy();
            _secretKey.MakeReadOnly();
            _rest = new RestClient(new RestClientOptions(baseUri)
            {
                Timeout = timeout,
                UserAgent = UserAgent,
                ThrowOnAnyError = false,
                FollowRedirects = false,
            });
        }

        public DateTime? TokenExpiresAt => _token?.ExpiresAt;

        /// <summary>How many token requests this client has made (diagnostics and tests).</summary>
        public int TokenRequests;

        public void Dispose()
        {
            _rest.Dispose();
            _secretKey.Dispose();
        }

        // ---- tokens -------------------------------------------------------------------------------------------

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
            public bool Usable => DateTime.UtcNow < RefreshAt;
        }

        /// <summary>Fetches a token now (Connect-Megaport), so bad keys fail at once.</summary>
        public Task AuthenticateAsync(CallContext ctx) => GetTokenAsync(ctx, rejected: null, force: true);

        /// <summary>A usable token; concurrent callers share one token request.</summary>
        async Task<string> GetTokenAsync(CallContext ctx, string? rejected, bool force = false)
        {
            var current = _token;
            if (!force && current != null && current.Usable && current.Value != rejected) return current.Value;
            await _tokenLock.WaitAsync(ctx.Token).ConfigureAwait(false);
            try
            {
                current = _token;
                if (!force && current != null && current.Usable && current.Value != rejected) return current.Value;
                var fresh = await RequestTokenAsync(ctx).ConfigureAwait(false);
                _token = fresh;
                return fresh.Value;
            }
            finally
            {
                _tokenLock.Release();
            }
        }

        async Task<AccessToken> RequestTokenAsync(CallContext ctx)
        {
            Interlocked.Increment(ref TokenRequests);
            // The token endpoint is on another host: name it in full, so an error says which environment was asked.
            var path = _tokenUri.GetLeftPart(UriPartial.Path);
            var started = DateTime.UtcNow;
            var result = await WithRetriesAsync("POST", path, RetryKind.Read, ctx, async () =>
            {
                var request = new RestRequest(_tokenUri, Method.Post);
                request.AddHeader("Authorization", "Basic " + BasicCredential());
                request.AddHeader("Accept", "application/json");
                request.AddParameter("grant_type", "client_credentials", ParameterType.GetOrPost);
                var response = await ExecuteAsync(request, "POST", path, ctx).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var traceId = TraceId(response);
                JObject? body = null;
                try { body = Json.Parse(response.Content ?? "") as JObject; } catch (JsonException) { }
                if (status is 400 or 401 or 403)
                {
                    var reason = body.Str("error_description") ?? body.Str("error") ?? body.Str("message") ?? response.StatusDescription;
                    throw new MegaportException(ErrorIds.AuthenticationFailed, System.Management.Automation.ErrorCategory.AuthenticationError,
                        $"Megaport refused the API key {_accessKey}: " + MegaportException.Describe("POST", path, status, reason, null, traceId),
                        _accessKey)
                    {
                        Method = "POST", Path = path, StatusCode = status, ApiMessage = reason, TraceId = traceId,
                        RecommendedAction = "Check the access key and secret key, and that they were made for this environment.",
                    };
                }
                if (status < 200 || status > 299) throw HttpError("POST", path, response, RetryKind.Read);
                var token = body.Str("access_token");
                if (body == null || token == null || body.Str("error") != null)
                    throw new MegaportException(ErrorIds.AuthenticationFailed, System.Management.Automation.ErrorCategory.AuthenticationError,
                        "The token endpoint did not return an access token" + (body.Str("error") is string e ? ": " + e : ".") + $" (Trace-Id {traceId})", _accessKey)
                    { Method = "POST", Path = path, StatusCode = status, TraceId = traceId };
                return new AccessToken(token, started, TimeSpan.FromSeconds(Math.Max(1, body.Long("expires_in") ?? 3600)));
            }).ConfigureAwait(false);
            return result;
        }

        string BasicCredential()
        {
            var secret = new NetworkCredential(string.Empty, _secretKey).Password;
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(_accessKey + ":" + secret));
        }

        // ---- API calls ----------------------------------------------------------------------------------------

        /// <summary>Sends one API request (with retries per <paramref name="kind"/>) and returns the envelope.</summary>
        public Task<ApiResult> SendAsync(string method, string path, JToken? body, RetryKind kind, CallContext ctx) =>
            WithRetriesAsync(method, path, kind, ctx, () => WithTokenAsync(method, path, ctx, async token =>
            {
                var request = NewRequest(method, path, token, body);
                var response = await ExecuteAsync(request, method, path, ctx).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status == 401) return (response, (ApiResult?)null);
                if (status < 200 || status > 299) throw HttpError(method, path, response, kind);
                JObject? envelope;
                try
                {
                    envelope = string.IsNullOrWhiteSpace(response.Content) ? null : Json.Parse(response.Content!) as JObject;
                }
                catch (JsonException ex)
                {
                    throw Malformed(method, path, status, TraceId(response), ex, kind);
                }
                return (response, new ApiResult(status, envelope.Str("message"), envelope.Get("data"), TraceId(response)));
            }));

        /// <summary>
        /// GETs an enveloped array and hands each element to <paramref name="onItem"/> while the body is still arriving,
        /// so the first object reaches the pipeline before the whole response is parsed.
        /// Retried like any read, but only while nothing has been handed out yet.
        /// </summary>
        public Task StreamArrayAsync(string path, Action<JObject> onItem, CallContext ctx)
        {
            var handedOut = 0;
            return WithRetriesAsync("GET", path, RetryKind.Read, ctx, () => WithTokenAsync("GET", path, ctx, async token =>
            {
                var request = NewRequest("GET", path, token, null);
                request.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
                Exception? parseError = null;
                request.AdvancedResponseWriter = (http, req) =>
                {
                    var response = new RestResponse(req)
                    {
                        StatusCode = http.StatusCode,
                        IsSuccessStatusCode = http.IsSuccessStatusCode,
                        ResponseStatus = ResponseStatus.Completed,
                        Headers = HeadersOf(http),
                    };
                    if (!http.IsSuccessStatusCode)
                    {
                        response.Content = http.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                        return response;
                    }
                    using var cancel = ctx.Token.Register(http.Dispose);
                    try
                    {
                        using var stream = http.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
                        using var text = new StreamReader(stream, Encoding.UTF8);
                        using var reader = Json.Reader(text);
                        ReadEnvelopeArray(reader, item =>
                        {
                            ctx.Token.ThrowIfCancellationRequested();
                            handedOut++;
                            onItem(item);
                        });
                    }
                    catch (Exception ex) when (ex is JsonException or IOException or ObjectDisposedException or HttpRequestException)
                    {
                        ctx.Token.ThrowIfCancellationRequested();
                        parseError = ex;
                    }
                    return response;
                };
                var result = await ExecuteAsync(request, "GET", path, ctx).ConfigureAwait(false);
                var status = (int)result.StatusCode;
                if (status == 401) return (result, (ApiResult?)null);
                if (status < 200 || status > 299) throw HttpError("GET", path, result, RetryKind.Read);
                if (parseError != null)
                {
                    var error = Malformed("GET", path, status, TraceId(result), parseError, RetryKind.Read);
                    error.Transient = handedOut == 0;
                    throw error;
                }
                return (result, new ApiResult(status, null, null, TraceId(result)));
            }));
        }

        static void ReadEnvelopeArray(JsonTextReader reader, Action<JObject> onItem)
        {
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) throw new JsonReaderException("Expected a JSON object.");
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read()) break;
                if (!string.Equals(name, "data", StringComparison.OrdinalIgnoreCase) || reader.TokenType == JsonToken.Null)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonToken.StartArray) throw new JsonReaderException("Expected 'data' to be an array.");
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    if (reader.TokenType == JsonToken.StartObject) onItem(JObject.Load(reader));
                    else reader.Skip();
                }
            }
            if (reader.TokenType != JsonToken.EndObject) throw new JsonReaderException("The response ended early.");
        }

        RestRequest NewRequest(string method, string path, string token, JToken? body)
        {
            var request = new RestRequest(path, ToMethod(method));
            request.AddHeader("Authorization", "Bearer " + token);
            request.AddHeader("Accept", "application/json");
            if (body != null) request.AddStringBody(Json.Serialize(body), ContentType.Json);
            return request;
        }

        static Method ToMethod(string method) => method switch
        {
            "GET" => Method.Get,
            "POST" => Method.Post,
            "PUT" => Method.Put,
            "DELETE" => Method.Delete,
            "PATCH" => Method.Patch,
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        /// <summary>Runs one attempt with a token; on a 401 gets a new token once and tries again.</summary>
        async Task<T> WithTokenAsync<T>(string method, string path, CallContext ctx, Func<string, Task<(RestResponse Response, T? Result)>> attempt)
            where T : class
        {
            string? rejected = null;
            for (var pass = 0; ; pass++)
            {
                var token = await GetTokenAsync(ctx, rejected).ConfigureAwait(false);
                var (response, result) = await attempt(token).ConfigureAwait(false);
                if (result != null) return result;
                if (pass > 0)
                {
                    var traceId = TraceId(response);
                    throw new MegaportException(ErrorIds.AuthenticationFailed, System.Management.Automation.ErrorCategory.AuthenticationError,
                        "The API refused the access token even after a refresh: " + MegaportException.Describe(method, path, 401, ApiMessage(response), null, traceId))
                    {
                        Method = method, Path = path, StatusCode = 401, TraceId = traceId,
                        RecommendedAction = "Run Connect-Megaport again; check that the API key is still active.",
                    };
                }
                ctx.Verbose?.Invoke($"{method} {path}: the access token was refused; getting a new token and trying once more");
                rejected = token;
            }
        }

        async Task<T> WithRetriesAsync<T>(string method, string path, RetryKind kind, CallContext ctx, Func<Task<T>> attempt)
        {
            for (var retry = 0; ; retry++)
            {
                try
                {
                    return await attempt().ConfigureAwait(false);
                }
                catch (MegaportException ex) when (retry < MaxRetries && ShouldRetry(ex, kind))
                {
                    var delay = ex.RetryAfter ?? Backoff(retry);
                    if (delay > BackoffCap) delay = BackoffCap;
                    ctx.Verbose?.Invoke($"{method} {path}: {ex.RetryReason}; retry {retry + 1} of {MaxRetries} in {delay.TotalSeconds:0.0} s");
                    await Task.Delay(delay, ctx.Token).ConfigureAwait(false);
                }
            }
        }

        static bool ShouldRetry(MegaportException ex, RetryKind kind) =>
            kind == RetryKind.Read ? ex.Transient : ex.StatusCode == 429 || ex.ConnectionRefused;

        static TimeSpan Backoff(int retry)
        {
            var random = _random ??= new Random(Guid.NewGuid().GetHashCode());
            var exponential = BackoffBase.TotalMilliseconds * Math.Pow(2, retry);
            var jittered = exponential * (0.8 + 0.4 * random.NextDouble());
            return TimeSpan.FromMilliseconds(Math.Min(jittered, BackoffCap.TotalMilliseconds));
        }

        /// <summary>Executes and logs one HTTP exchange. Network failures become MegaportExceptions here.</summary>
        async Task<RestResponse> ExecuteAsync(RestRequest request, string method, string path, CallContext ctx)
        {
            var watch = Stopwatch.StartNew();
            RestResponse response;
            try
            {
                response = await _rest.ExecuteAsync(request, ctx.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ctx.Token.IsCancellationRequested)
            {
                throw;
            }
            ctx.Token.ThrowIfCancellationRequested();
            var ms = watch.ElapsedMilliseconds;
            if (response.StatusCode != 0)
            {
                var traceId = TraceId(response);
                ctx.Verbose?.Invoke($"{method} {path} -> {(int)response.StatusCode} in {ms} ms" + (traceId != null ? $" (Trace-Id {traceId})" : ""));
                return response;
            }
            var timedOut = response.ResponseStatus == ResponseStatus.TimedOut;
            var refused = IsConnectionRefused(response.ErrorException);
            var reason = timedOut ? $"timed out after {ms} ms" : refused ? "connection refused" : (response.ErrorException?.GetBaseException().Message ?? response.ErrorMessage ?? "network failure");
            ctx.Verbose?.Invoke($"{method} {path} -> failed in {ms} ms: {reason}");
            throw new MegaportException(ErrorIds.ApiError,
                timedOut ? System.Management.Automation.ErrorCategory.OperationTimeout : System.Management.Automation.ErrorCategory.ConnectionError,
                $"{method} {path} failed: {reason}.", null, response.ErrorException)
            {
                Method = method, Path = path, Transient = true, ConnectionRefused = refused, OutcomeUnknown = !refused,
                RetryReason = reason,
                RecommendedAction = "Check the network path to the Megaport API (or the simulator) and try again.",
            };
        }

        static bool IsConnectionRefused(Exception? ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is SocketException se && se.SocketErrorCode == SocketError.ConnectionRefused) return true;
            return false;
        }

        static MegaportException Malformed(string method, string path, int status, string? traceId, Exception ex, RetryKind kind) =>
            new(ErrorIds.ApiError, System.Management.Automation.ErrorCategory.InvalidResult,
                MegaportException.Describe(method, path, status, "The API returned a body that is not valid JSON", ex.Message, traceId), null, ex)
            {
                Method = method, Path = path, StatusCode = status, TraceId = traceId, Transient = true,
                OutcomeUnknown = kind == RetryKind.Write, RetryReason = "malformed response body",
            };

        /// <summary>Maps a non-2xx answer to the ErrorIds of CONVENTIONS.md.</summary>
        internal static MegaportException HttpError(string method, string path, RestResponse response, RetryKind kind)
        {
            var status = (int)response.StatusCode;
            var traceId = TraceId(response);
            var (message, data) = ReadErrorBody(response.Content);
            message ??= response.StatusDescription;
            var text = MegaportException.Describe(method, path, status, message, data, traceId);
            var notFound = status == 404 || (status == 400 && ((message ?? "") + " " + (data ?? "")).IndexOf("Could not find a service with UID", StringComparison.OrdinalIgnoreCase) >= 0);
            var (id, category) = notFound ? (ErrorIds.ServiceNotFound, System.Management.Automation.ErrorCategory.ObjectNotFound)
                : status switch
                {
                    400 or 409 or 422 => (ErrorIds.ValidationFailed, System.Management.Automation.ErrorCategory.InvalidArgument),
                    401 => (ErrorIds.AuthenticationFailed, System.Management.Automation.ErrorCategory.AuthenticationError),
                    403 => (ErrorIds.PermissionDenied, System.Management.Automation.ErrorCategory.PermissionDenied),
                    429 => (ErrorIds.RateLimited, System.Management.Automation.ErrorCategory.LimitsExceeded),
                    >= 500 => (ErrorIds.ApiError, System.Management.Automation.ErrorCategory.ConnectionError),
                    _ => (ErrorIds.ApiError, System.Management.Automation.ErrorCategory.InvalidResult),
                };
            return new MegaportException(id, category, text)
            {
                Method = method, Path = path, StatusCode = status, ApiMessage = message, ApiData = data, TraceId = traceId,
                Transient = status is 429 or 502 or 503 or 504,
                OutcomeUnknown = kind == RetryKind.Write && status >= 500,
                RetryAfter = RetryAfter(response),
                RetryReason = $"HTTP {status}",
                RecommendedAction = status switch
                {
                    403 => "Use an API key with the Company Admin role for this operation.",
                    429 => "Wait a moment and try again; run fewer calls at once.",
                    _ => null,
                },
            };
        }

        static (string? Message, string? Data) ReadErrorBody(string? content)
        {
            if (string.IsNullOrWhiteSpace(content)) return (null, null);
            JObject? body;
            try { body = Json.Parse(content!) as JObject; }
            catch (JsonException) { return (null, content!.Length > 500 ? content.Substring(0, 500) + "…" : content); }
            var message = body.Str("message");
            var data = body.Get("data") ?? body.Get("error");
            return (message, DataText(data));
        }

        /// <summary>The error detail as text: a string as is, a list of objects as their values (v2 validation errors).</summary>
        static string? DataText(JToken? data)
        {
            switch (data)
            {
                case null: return null;
                case JValue v: return v.Value == null ? null : Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture);
                case JArray a:
                    var parts = new System.Collections.Generic.List<string>();
                    foreach (var item in a)
                        if (item is JObject o) foreach (var p in o.Properties()) { if (DataText(p.Value) is string s) parts.Add(s); }
                        else if (DataText(item) is string s) parts.Add(s);
                    return parts.Count == 0 ? null : string.Join("; ", parts);
                default: return data.ToString(Formatting.None);
            }
        }

        static TimeSpan? RetryAfter(RestResponse response)
        {
            var value = Header(response, "Retry-After");
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        static string? ApiMessage(RestResponse response) => ReadErrorBody(response.Content).Message;

        internal static string? TraceId(RestResponse response) => Header(response, "Trace-Id");

        static string? Header(RestResponse response, string name)
        {
            if (response.Headers == null) return null;
            foreach (var h in response.Headers)
                if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) return h.Value?.ToString();
            return null;
        }

        static System.Collections.Generic.IReadOnlyCollection<HeaderParameter> HeadersOf(HttpResponseMessage http)
        {
            var list = new System.Collections.Generic.List<HeaderParameter>();
            foreach (var h in http.Headers) list.Add(new HeaderParameter(h.Key, string.Join(",", h.Value)));
            return list;
        }
    }
}
