using System.Security.Cryptography;
using System.Text;
using Megaport.Simulator.Admin;

namespace Megaport.Simulator.Http;

/// <summary>
/// Cross-cutting middleware, in pipeline order: errors → Trace-Id → request journal/counters → faults → auth.
/// </summary>
public static class Pipeline
{
    public const string AdminPrefix = "/_simulator";
    public const string TokenPath = "/oauth2/token";
    private const int MaxLoggedBody = 64 * 1024; // per journal entry; bodies beyond this are cut

    public static bool IsAdmin(PathString path) => path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase);

    public static string NewTraceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static void UseSimulatorPipeline(this WebApplication app, SimulatorContext sim)
    {
        // Unexpected exceptions become a 500 envelope rather than an empty response.
        app.Use(async (ctx, next) =>
        {
            try
            {
                await next(ctx);
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                // The client went away (e.g. during an injected delay): nothing to answer.
            }
            catch (BadHttpRequestException ex) when (!ctx.Response.HasStarted)
            {
                await Api.Error(ex.StatusCode, "Invalid request", ex.Message).ExecuteAsync(ctx);
            }
            catch (Exception ex) when (!ctx.Response.HasStarted)
            {
                await Api.Error(500, "Internal Server Error", ex.Message).ExecuteAsync(ctx);
            }
        });

        // Every response, errors and admin included, carries a fresh Trace-Id like the real API.
        app.Use((ctx, next) =>
        {
            var traceId = NewTraceId();
            ctx.Items["TraceId"] = traceId;
            ctx.Response.Headers["Trace-Id"] = traceId;
            return next(ctx);
        });

        app.Use(async (ctx, next) =>
        {
            if (IsAdmin(ctx.Request.Path)) { await next(ctx); return; }
            sim.Stats.CountRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "");
            var body = await ReadBodyAsync(ctx.Request);
            var status = 0;
            try
            {
                await next(ctx);
                status = ctx.RequestAborted.IsCancellationRequested || ctx.Items.ContainsKey("Aborted") ? 0 : ctx.Response.StatusCode;
            }
            finally
            {
                sim.Requests.Add(new RequestRecord(
                    sim.Clock.GetUtcNow(), ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
                    status, body, (string)ctx.Items["TraceId"]!,
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)));
            }
        });

        app.Use((ctx, next) => IsAdmin(ctx.Request.Path) ? next(ctx) : Faults.FaultMiddleware.InvokeAsync(ctx, next, sim));

        app.Use((ctx, next) =>
        {
            var path = ctx.Request.Path;
            if (IsAdmin(path) || path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)) return next(ctx);
            // Only the Authorization header counts: a token in the query string is never accepted.
            var header = ctx.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
                sim.Tokens.IsValid(header["Bearer ".Length..].Trim(), sim.NowMs))
                return next(ctx);
            ctx.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Api.Error(401, "Unauthorized", null).ExecuteAsync(ctx);
        });
    }

    /// <summary>Reads (and rewinds) the request body so it can be journaled and still reach the handler.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0) return "";
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return text.Length > MaxLoggedBody ? text[..MaxLoggedBody] : text;
    }
}
