using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace Megaport.Transport
{
    /// <summary>
    /// Result of a successful call: the envelope's message and data, the whole body (for APIs without the envelope,
    /// such as a bare array) and the response headers (for APIs that page in headers).
    /// </summary>
    internal sealed class ApiResult
    {
        readonly IReadOnlyCollection<HeaderParameter>? _headers;

        public ApiResult(int status, string? message, JToken? data, string? traceId, JToken? body = null, IReadOnlyCollection<HeaderParameter>? headers = null)
        {
            Status = status;
            Message = message;
            Data = data;
            TraceId = traceId;
            Body = body;
            _headers = headers;
        }
        public int Status { get; }
        public string? Message { get; }
        public JToken? Data { get; }
        public string? TraceId { get; }
        /// <summary>The parsed body as it came: the envelope, or whatever an API without one answers.</summary>
        public JToken? Body { get; }

        /// <summary>A response header's value (the first, when repeated), or null.</summary>
        public string? Header(string name)
        {
            if (_headers == null) return null;
            foreach (var h in _headers)
                if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)) return h.Value?.ToString();
            return null;
        }
    }

    /// <summary>A successful answer that is not JSON (a PDF): its bytes and content type.</summary>
    internal sealed class ApiBytes
    {
        public ApiBytes(byte[] content, string? contentType, string? traceId)
        {
            Content = content;
            ContentType = contentType;
            TraceId = traceId;
        }
        public byte[] Content { get; }
        public string? ContentType { get; }
        public string? TraceId { get; }
    }
}
