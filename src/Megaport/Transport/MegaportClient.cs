using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace Megaport.Transport
{
    /// <summary>
    /// The HTTP transport of one session: one RestClient (connection reuse), its tokens, the retry policy and the
    /// {message, terms, data} envelope. Safe to share between runspaces.
    /// </summary>
    internal sealed class MegaportClient : ISessionConnection
    {
        static readonly string UserAgent = "Megaport-PowerShell/" + typeof(MegaportClient).Assembly.GetName().Version?.ToString(3);

        readonly RestClient _rest;
        readonly AccessTokens _tokens;

        public MegaportClient(Uri baseUri, Uri tokenUri, string accessKey, SecureString secretKey, TimeSpan timeout, Timings? timings = null)
        {
            Timings = (timings ?? Timings.Default).Copy();
            Retries = new RetryPolicy(Timings);
            _tokens = new AccessTokens(this, tokenUri, accessKey, secretKey);
            _rest = new RestClient(new RestClientOptions(baseUri)
            {
                Timeout = timeout,
                UserAgent = UserAgent,
                ThrowOnAnyError = false,
                FollowRedirects = false,
            });
        }

        /// <summary>This client's waits and clock (a copy of <see cref="Timings.Default"/> taken when it was made).</summary>
        public Timings Timings { get; }
        public RetryPolicy Retries { get; }

        public DateTime? TokenExpiresAt => _tokens.ExpiresAt;

        /// <summary>
        /// The managed company every request acts for unless a call names another (Connect-Megaport -ManagedAccount):
        /// sent as X-Call-Context on each API request, never on the token request.
        /// </summary>
        public string? ManagedAccountUid { get; set; }

        /// <summary>The header a partner names a managed company with.</summary>
        internal const string CallContextHeader = "X-Call-Context";

        /// <summary>How many token requests this client has made (diagnostics and tests).</summary>
        public int TokenRequests => _tokens.Requests;

        public void Dispose()
        {
            _rest.Dispose();
            _tokens.Dispose();
        }

        /// <summary>Fetches a token now (Connect-Megaport), so bad keys fail at once.</summary>
        public Task AuthenticateAsync(CallContext ctx) => _tokens.GetAsync(ctx, rejected: null, force: true);

        /// <summary>
        /// Sends one API request (with retries per <paramref name="kind"/>) and returns the envelope, the whole body (an
        /// API without the envelope answers a bare array) and the response headers.
        /// </summary>
        public Task<ApiResult> SendAsync(string method, string path, JToken? body, RetryKind kind, CallContext ctx) =>
            Retries.RunAsync(method, path, kind, ctx, () => WithTokenAsync(method, path, ctx, async token =>
            {
                var request = NewRequest(method, path, token, body, ctx);
                var response = await ExecuteAsync(request, method, path, ctx).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status == 401) return (response, (ApiResult?)null);
                if (status < 200 || status > 299) throw HttpErrors.FromResponse(method, path, response, kind);
                JToken? parsed;
                try
                {
                    parsed = string.IsNullOrWhiteSpace(response.Content) ? null : Json.Parse(response.Content!);
                }
                catch (JsonException ex)
                {
                    throw HttpErrors.Malformed(method, path, status, HttpErrors.TraceId(response), ex, kind);
                }
                var envelope = parsed as JObject;
                return (response, new ApiResult(status, envelope.Str("message"), envelope.Get("data"), HttpErrors.TraceId(response), parsed, response.Headers));
            }));

        /// <summary>
        /// GETs a JSON body and hands it to <paramref name="read"/> as tokens, without building a tree of it first: a big
        /// answer (a month of telemetry is ~17,000 [time, value] pairs) goes straight into its objects. A null from
        /// <paramref name="read"/> means the body is not the <paramref name="what"/> expected (MegaportApiError).
        /// Retried like any read.
        /// </summary>
        public Task<T> GetJsonAsync<T>(string path, string what, Func<JsonReader, T?> read, CallContext ctx) where T : class =>
            Retries.RunAsync("GET", path, RetryKind.Read, ctx, () => WithTokenAsync("GET", path, ctx, async token =>
            {
                var request = NewRequest("GET", path, token, null, ctx);
                var response = await ExecuteAsync(request, "GET", path, ctx).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status == 401) return (response, (T?)null);
                if (status < 200 || status > 299) throw HttpErrors.FromResponse("GET", path, response, RetryKind.Read);
                T? value;
                try
                {
                    using var reader = Json.Reader(new StringReader(response.Content ?? ""));
                    value = read(reader);
                }
                catch (JsonException ex)
                {
                    throw HttpErrors.Malformed("GET", path, status, HttpErrors.TraceId(response), ex, RetryKind.Read);
                }
                return (response, value ?? throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"GET {path} -> {status} sent no {what} (Trace-Id {HttpErrors.TraceId(response)}).")
                { Method = "GET", Path = path, TraceId = HttpErrors.TraceId(response) });
            }));

        /// <summary>GETs a body that is not JSON (a PDF) as bytes, retried like any read; errors still come as the JSON envelope.</summary>
        public Task<ApiBytes> GetBytesAsync(string path, string accept, CallContext ctx) =>
            Retries.RunAsync("GET", path, RetryKind.Read, ctx, () => WithTokenAsync("GET", path, ctx, async token =>
            {
                var request = NewRequest("GET", path, token, null, ctx, accept);
                var response = await ExecuteAsync(request, "GET", path, ctx).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status == 401) return (response, (ApiBytes?)null);
                if (status < 200 || status > 299) throw HttpErrors.FromResponse("GET", path, response, RetryKind.Read);
                return (response, new ApiBytes(response.RawBytes ?? Array.Empty<byte>(), response.ContentType, HttpErrors.TraceId(response)));
            }));

        /// <summary>
        /// GETs an enveloped array and hands each element to <paramref name="onItem"/> while the body is still arriving,
        /// so the first object reaches the pipeline before the whole response is parsed.
        /// Retried like any read, but only while nothing has been handed out yet.
        /// </summary>
        public Task StreamArrayAsync(string path, Action<JObject> onItem, CallContext ctx) => StreamAsync(path, null, onItem, ctx);

        /// <summary>
        /// Like <see cref="StreamArrayAsync"/>, where the envelope's data is either the array or an object that holds it
        /// under <paramref name="nested"/> (a job's answer: its status, then its rows). The result's Data is data without
        /// the streamed rows: the object's other members, an empty array when data was the array, or null when it had none.
        /// </summary>
        public Task<ApiResult> StreamAsync(string path, string? nested, Action<JObject> onItem, CallContext ctx)
        {
            var handedOut = 0;
            return Retries.RunAsync("GET", path, RetryKind.Read, ctx, () => WithTokenAsync("GET", path, ctx, async token =>
            {
                var request = NewRequest("GET", path, token, null, ctx);
                request.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
                Exception? parseError = null;
                JToken? data = null;
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
                        data = ReadEnvelope(reader, nested, item =>
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
                if (status < 200 || status > 299) throw HttpErrors.FromResponse("GET", path, result, RetryKind.Read);
                if (parseError != null)
                {
                    var error = HttpErrors.Malformed("GET", path, status, HttpErrors.TraceId(result), parseError, RetryKind.Read);
                    error.Transient = handedOut == 0;
                    throw error;
                }
                return (result, new ApiResult(status, null, data, HttpErrors.TraceId(result)));
            }));
        }

        /// <summary>Reads the envelope, streaming data's array (or data.<paramref name="nested"/>'s); returns what <see cref="StreamAsync"/> does.</summary>
        static JToken? ReadEnvelope(JsonTextReader reader, string? nested, Action<JObject> onItem)
        {
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) throw new JsonReaderException("Expected a JSON object.");
            JToken? data = null;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read()) break;
                if (!string.Equals(name, "data", StringComparison.OrdinalIgnoreCase) || reader.TokenType == JsonToken.Null)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType == JsonToken.StartArray)
                {
                    ReadItems(reader, onItem);
                    data = new JArray();
                }
                else if (reader.TokenType == JsonToken.StartObject && nested != null)
                {
                    var head = new JObject();
                    while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                    {
                        var member = (string)reader.Value!;
                        if (!reader.Read()) break;
                        if (string.Equals(member, nested, StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonToken.StartArray) ReadItems(reader, onItem);
                        else head[member] = JToken.ReadFrom(reader);
                    }
                    data = head;
                }
                else throw new JsonReaderException(nested == null ? "Expected 'data' to be an array." : $"Expected 'data' to be an array or an object with '{nested}'.");
            }
            if (reader.TokenType != JsonToken.EndObject) throw new JsonReaderException("The response ended early.");
            return data;
        }

        static void ReadItems(JsonTextReader reader, Action<JObject> onItem)
        {
            while (reader.Read() && reader.TokenType != JsonToken.EndArray)
            {
                if (reader.TokenType == JsonToken.StartObject) onItem(JObject.Load(reader));
                else reader.Skip();
            }
            if (reader.TokenType != JsonToken.EndArray) throw new JsonReaderException("The response ended early.");
        }

        RestRequest NewRequest(string method, string path, string token, JToken? body, CallContext ctx, string accept = "application/json")
        {
            var request = new RestRequest(path, ToMethod(method));
            request.AddHeader("Authorization", "Bearer " + token);
            request.AddHeader("Accept", accept);
            // No account (or a blank one) means no header at all: the API reads an empty one as a company.
            var account = ctx.ManagedAccountUid ?? ManagedAccountUid;
            if (!string.IsNullOrWhiteSpace(account)) request.AddHeader(CallContextHeader, account!.Trim());
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
                var token = await _tokens.GetAsync(ctx, rejected).ConfigureAwait(false);
                var (response, result) = await attempt(token).ConfigureAwait(false);
                if (result != null) return result;
                if (pass > 0)
                {
                    var traceId = HttpErrors.TraceId(response);
                    throw new MegaportException(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
                        "The API refused the access token even after a refresh: " + MegaportException.Describe(method, path, 401, HttpErrors.ApiMessage(response), null, traceId))
                    {
                        Method = method, Path = path, StatusCode = 401, TraceId = traceId,
                        RecommendedAction = "Run Connect-Megaport again; check that the API key is still active.",
                    };
                }
                ctx.Verbose?.Invoke($"{method} {path}: the access token was refused; getting a new token and trying once more");
                rejected = token;
            }
        }

        /// <summary>Executes and logs one HTTP exchange. Network failures become MegaportExceptions here.</summary>
        internal async Task<RestResponse> ExecuteAsync(RestRequest request, string method, string path, CallContext ctx)
        {
            var watch = Stopwatch.StartNew();
            var response = await _rest.ExecuteAsync(request, ctx.Token).ConfigureAwait(false);
            ctx.Token.ThrowIfCancellationRequested();
            var ms = watch.ElapsedMilliseconds;
            if (response.StatusCode != 0)
            {
                var traceId = HttpErrors.TraceId(response);
                ctx.Verbose?.Invoke($"{method} {path} -> {(int)response.StatusCode} in {ms} ms" + (traceId != null ? $" (Trace-Id {traceId})" : ""));
                return response;
            }
            ctx.Verbose?.Invoke($"{method} {path} -> failed in {ms} ms: {HttpErrors.Reason(response, ms)}");
            throw HttpErrors.Network(method, path, response, ms);
        }

        static IReadOnlyCollection<HeaderParameter> HeadersOf(HttpResponseMessage http)
        {
            var list = new List<HeaderParameter>();
            foreach (var h in http.Headers) list.Add(new HeaderParameter(h.Key, string.Join(",", h.Value)));
            return list;
        }
    }
}
