using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Megaport.Simulator.Http;

/// <summary>A fully serialised response (status + JSON bytes); lets handlers build bodies under the state lock.</summary>
public sealed class ApiResult(int status, byte[] body) : IResult
{
    public int Status { get; } = status;
    public byte[] Body { get; } = body;

    public Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Body.Length;
        return context.Response.Body.WriteAsync(Body, 0, Body.Length, context.RequestAborted);
    }
}

/// <summary>Builders for the API's <c>{message, terms, data}</c> envelope.</summary>
public static class Api
{
    public const string Terms = "This data is subject to the Acceptable Use Policy https://www.megaport.com/legal/acceptable-use-policy";

    // Relaxed escaping: '+', '<', non-ASCII names etc. come out as-is, as Megaport's (Java) API writes them.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Success envelope; <paramref name="data"/> null leaves the key out (action responses do that).</summary>
    public static ApiResult Ok(string message, Action<Utf8JsonWriter>? data) => Envelope(200, message, data);

    public static ApiResult Envelope(int status, string message, Action<Utf8JsonWriter>? data) =>
        new(status, Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteString("terms", Terms);
            if (data is not null)
            {
                w.WritePropertyName("data");
                data(w);
            }
            w.WriteEndObject();
        }));

    /// <summary>Error envelope: summary in <c>message</c>, detail (or null) in <c>data</c>, as the real API does.</summary>
    public static ApiResult Error(int status, string message, string? data) =>
        Envelope(status, message, w => { if (data is null) w.WriteNullValue(); else w.WriteStringValue(data); });

    public static ApiResult BadRequest(string message, string? data = null) => Error(400, message, data);

    /// <summary>The real API answers an unknown product UID with 400, not 404.</summary>
    public static ApiResult ServiceNotFound(string uid) => Error(400, $"Could not find a service with UID {uid}", null);

    public static ApiResult Json(int status, Action<Utf8JsonWriter> write) => new(status, Write(write));

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}

/// <summary>Small Utf8JsonWriter conveniences for nullable values.</summary>
public static class JsonWriterExtensions
{
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, long? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, int? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }

    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    public static void WriteStringArray(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static void WriteIntArray(this Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
