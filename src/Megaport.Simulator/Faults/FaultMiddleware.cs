using System.Net;
using Megaport.Simulator.Http;

namespace Megaport.Simulator.Faults;

/// <summary>Applies the first matching fault rule to a request (before auth, like a gateway in front of the API would).</summary>
public static class FaultMiddleware
{
    // A body cut off mid-way, as after a proxy failure: valid start, invalid JSON.
    private const string MalformedBody = "{\"message\":\"Found Product\",\"terms\":\"" + Api.Terms + "\",\"data\":[{\"productUid\":\"";

    public static async Task InvokeAsync(HttpContext ctx, RequestDelegate next, SimulatorContext sim)
    {
        var rule = sim.Faults.Take(ctx.Request.Method, ctx.Request.Path.Value ?? "/");
        if (rule is null)
        {
            await next(ctx);
            return;
        }

        // Honour client disconnects during the delay: the token is RequestAborted.
        if (rule.DelayMs > 0) await Task.Delay(rule.DelayMs, ctx.RequestAborted);

        switch (rule.Kind)
        {
            case FaultKind.Delay:
                await next(ctx);
                break;

            case FaultKind.Status:
                if (!string.IsNullOrEmpty(rule.RetryAfter)) ctx.Response.Headers.RetryAfter = rule.RetryAfter;
                var status = rule.Status ?? 500;
                if (rule.Body is null)
                {
                    var reason = ReasonPhrase(status);
                    await Api.Error(status, reason, null).ExecuteAsync(ctx);
                }
                else
                {
                    await new ApiResult(status, Api.Utf8(rule.Body)).ExecuteAsync(ctx);
                }
                break;

            case FaultKind.Reset:
                ctx.Items["Aborted"] = true;
                ctx.Abort();
                break;

            case FaultKind.Malformed:
                await new ApiResult(200, Api.Utf8(MalformedBody)).ExecuteAsync(ctx);
                break;

            case FaultKind.DropAfterExecute:
                // Run the real handler (the order really happens) into a buffer, then drop the connection.
                var original = ctx.Response.Body;
                ctx.Response.Body = new MemoryStream();
                try
                {
                    await next(ctx);
                }
                finally
                {
                    ctx.Response.Body = original;
                }
                ctx.Items["Aborted"] = true;
                ctx.Abort();
                break;

            case FaultKind.ExpireTokens:
                sim.Tokens.ExpireAll();
                await next(ctx);
                break;
        }
    }

    private static string ReasonPhrase(int status) =>
        status switch
        {
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => Enum.IsDefined(typeof(HttpStatusCode), status)
                ? System.Text.RegularExpressions.Regex.Replace(((HttpStatusCode)status).ToString(), "(?<=[a-z])(?=[A-Z])", " ")
                : "Error",
        };
}
