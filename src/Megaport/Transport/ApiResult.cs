using Newtonsoft.Json.Linq;

namespace Megaport.Transport
{
    /// <summary>Result of a successful call: the envelope's message and data (or the whole body, for APIs without the envelope).</summary>
    internal sealed class ApiResult
    {
        public ApiResult(int status, string? message, JToken? data, string? traceId, JToken? body = null)
        {
            Status = status;
            Message = message;
            Data = data;
            TraceId = traceId;
            Body = body;
        }
        public int Status { get; }
        public string? Message { get; }
        public JToken? Data { get; }
        public string? TraceId { get; }
        /// <summary>The whole parsed body, for the APIs that send no envelope (telemetry).</summary>
        public JToken? Body { get; }
    }
}
