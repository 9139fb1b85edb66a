using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Net.Sockets;
using Megaport.Api;
using Megaport.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace Megaport.Transport
{
    /// <summary>Maps HTTP answers and network failures to the module's ErrorIds, with method, path, status, message and Trace-Id.</summary>
    internal static class HttpErrors
    {
        /// <summary>A non-2xx answer.</summary>
        public static MegaportException FromResponse(string method, string path, RestResponse response, RetryKind kind)
        {
            var status = (int)response.StatusCode;
            var traceId = TraceId(response);
            var (message, data) = ReadErrorBody(response.Content);
            message ??= response.StatusDescription;
            var text = MegaportException.Describe(method, path, status, message, data, traceId);
            var notFound = status == 404 || (status == 400 && ((message ?? "") + " " + (data ?? "")).IndexOf("Could not find a service with UID", StringComparison.OrdinalIgnoreCase) >= 0);
            var (id, category) = notFound ? (ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound)
                : status switch
                {
                    400 or 409 or 422 => (ErrorIds.ValidationFailed, ErrorCategory.InvalidArgument),
                    401 => (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError),
                    403 => (ErrorIds.PermissionDenied, ErrorCategory.PermissionDenied),
                    429 => (ErrorIds.RateLimited, ErrorCategory.LimitsExceeded),
                    >= 500 => (ErrorIds.ApiError, ErrorCategory.ConnectionError),
                    _ => (ErrorIds.ApiError, ErrorCategory.InvalidResult),
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

        /// <summary>No answer at all: refused, reset, timed out.</summary>
        public static MegaportException Network(string method, string path, RestResponse response, long elapsedMs)
        {
            var timedOut = response.ResponseStatus == ResponseStatus.TimedOut;
            var refused = IsConnectionRefused(response.ErrorException);
            var reason = Reason(response, elapsedMs);
            return new MegaportException(ErrorIds.ApiError, timedOut ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError,
                $"{method} {path} failed: {reason}.", null, response.ErrorException)
            {
                Method = method, Path = path, Transient = true, ConnectionRefused = refused, OutcomeUnknown = !refused,
                RetryReason = reason,
                RecommendedAction = "Check the network path to the Megaport API (or the simulator) and try again.",
            };
        }

        /// <summary>Why an exchange got no answer, for -Verbose and the error message.</summary>
        public static string Reason(RestResponse response, long elapsedMs) =>
            response.ResponseStatus == ResponseStatus.TimedOut ? $"timed out after {elapsedMs} ms"
            : IsConnectionRefused(response.ErrorException) ? "connection refused"
            : response.ErrorException?.GetBaseException().Message ?? response.ErrorMessage ?? "network failure";

        static bool IsConnectionRefused(Exception? ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is SocketException se && se.SocketErrorCode == SocketError.ConnectionRefused) return true;
            return false;
        }

        /// <summary>A 2xx answer whose body is not JSON.</summary>
        public static MegaportException Malformed(string method, string path, int status, string? traceId, Exception ex, RetryKind kind) =>
            new(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                MegaportException.Describe(method, path, status, "The API returned a body that is not valid JSON", ex.Message, traceId), null, ex)
            {
                Method = method, Path = path, StatusCode = status, TraceId = traceId, Transient = true,
                OutcomeUnknown = kind == RetryKind.Write, RetryReason = "malformed response body",
            };

        /// <summary>The error envelope's message and its data as text.</summary>
        public static (string? Message, string? Data) ReadErrorBody(string? content)
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
                case JValue v: return v.Value == null ? null : Convert.ToString(v.Value, CultureInfo.InvariantCulture);
                case JArray a:
                    var parts = new List<string>();
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
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        public static string? ApiMessage(RestResponse response) => ReadErrorBody(response.Content).Message;

        public static string? TraceId(RestResponse response) => Header(response, "Trace-Id");

        static string? Header(RestResponse response, string name)
        {
            if (response.Headers == null) return null;
            foreach (var h in response.Headers)
                if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) return h.Value?.ToString();
            return null;
        }
    }
}
