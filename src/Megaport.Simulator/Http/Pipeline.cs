using System.Security.Cryptography;
using System.Text;
using Megaport.Simulator.Admin;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Http;

/// <summary>
/// Cross-cutting middleware, in pipeline order: Trace-Id → encoded-query paths → routing → request journal/counters and errors → faults → auth → call context.
/// </summary>
public static class Pipeline
{
    public const string AdminPrefix = "/_simulator";
    public const string TokenPath = "/oauth2/token";
    /// <summary>Names the managed company a partner's request acts for.</summary>
    public const string CallContextHeader = "X-Call-Context";
    private const int MaxLoggedBody = 64 * 1024; // per journal entry; bodies beyond this are cut

    public static bool IsAdmin(PathString path) => path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase);

    public static string NewTraceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static void UseSimulatorPipeline(this WebApplication app, SimulatorContext sim)
    {
        // Every response, errors and admin included, carries a fresh Trace-Id like the real API.
        app.Use((ctx, next) =>
        {
            var traceId = NewTraceId();
            ctx.Items["TraceId"] = traceId;
            ctx.Response.Headers["Trace-Id"] = traceId;
            return next(ctx);
        });

        // A client that percent-encodes the '?' (GET /v2/service/key%3Fkey=…) is answered as if it had sent the query,
        // as the real API does; so routing runs after this.
        app.Use((ctx, next) =>
        {
            EncodedQuery.Apply(ctx);
            return next(ctx);
        });
        app.UseRouting();

        // The journal wraps the error handler, so it records the status really sent (a 500 too).
        app.Use(async (ctx, next) =>
        {
            var journaled = !IsAdmin(ctx.Request.Path);
            if (journaled) sim.Stats.CountRequest(ctx.Request.Method, ctx.Request.Path.Value ?? "");
            var ticket = journaled ? sim.Pending.Enter() : 0;
            var body = "";
            var answered = true;
            // A change request is compared in full (a refused update may have changed a field before failing); a read
            // or a token only when the state's version moved.
            var force = !HttpMethods.IsGet(ctx.Request.Method) && !ctx.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase);
            if (sim.StateFile is not null)
            {
                // Durable before the answer: the state file is written as the response starts (and at the end, for
                // requests whose answer never goes out).
                ctx.Response.OnStarting(() =>
                {
                    sim.SaveState(force);
                    return Task.CompletedTask;
                });
            }
            try
            {
                if (journaled) body = await ReadBodyAsync(ctx.Request);
                await next(ctx);
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                // The client went away (e.g. during an injected delay): nothing to answer.
            }
            catch (BadHttpRequestException ex) when (!ctx.Response.HasStarted)
            {
                await Api.Error(ex.StatusCode, ex.StatusCode == 413 ? "Request body too large" : "Invalid request", ex.Message).ExecuteAsync(ctx);
            }
            catch (Exception ex) when (!ctx.Response.HasStarted)
            {
                await Api.Error(500, "Internal Server Error", ex.Message).ExecuteAsync(ctx);
            }
            catch
            {
                answered = false; // failed half-way through the answer: the connection is cut
                throw;
            }
            finally
            {
                if (journaled)
                {
                    var aborted = !answered || ctx.RequestAborted.IsCancellationRequested || ctx.Items.ContainsKey("Aborted");
                    try
                    {
                        sim.Requests.Add(new RequestRecord(
                            sim.Clock.GetUtcNow(), ctx.Request.Method, ctx.Request.Path.Value ?? "", ctx.Request.QueryString.Value ?? "",
                            aborted ? 0 : ctx.Response.StatusCode, body, (string)ctx.Items["TraceId"]!,
                            ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase),
                            SkippedFields(ctx, body),
                            ctx.Request.Headers.TryGetValue(CallContextHeader, out var callContext) ? callContext.ToString() : null));
                    }
                    finally
                    {
                        sim.Pending.Exit(ticket);
                    }
                }
                sim.SaveState(force);
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

        // A partner acts for a company it manages by naming it in X-Call-Context; what the request sees and makes is
        // that company's. An empty header is refused (a client should leave it out), as is a company not managed.
        app.Use((ctx, next) =>
        {
            var path = ctx.Request.Path;
            if (IsAdmin(path) || path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)) return next(ctx);
            if (!ctx.Request.Headers.TryGetValue(CallContextHeader, out var values)) return next(ctx);
            var uid = values.ToString().Trim();
            if (uid.Length == 0)
                return Api.Error(400, "Invalid X-Call-Context", "X-Call-Context is empty: leave the header out to act for your own company").ExecuteAsync(ctx);
            Company? company;
            lock (sim.State.Gate) company = sim.State.CompanyFor(uid);
            if (company is null)
                return Api.Error(403, "Forbidden", $"Company {uid} is not a company this account manages").ExecuteAsync(ctx);
            sim.State.ActFor(company);
            return next(ctx);
        });

        // Innermost: the request got past faults and auth to its endpoint.
        app.Use((ctx, next) =>
        {
            ctx.Items[ReachedKey] = true;
            return next(ctx);
        });
    }

    private const string ReachedKey = "ReachedEndpoint";

    /// <summary>
    /// The body names the API skipped: those the endpoint's shape does not know, or — when an endpoint that takes no
    /// body got one — all of it (its top-level names, or <c>$</c> for a body that is not an object).
    /// </summary>
    private static IReadOnlyList<string> SkippedFields(HttpContext ctx, string body)
    {
        if (RequestBody.Skipped(ctx) is { } skipped) return skipped;
        if (RequestBody.WasRead(ctx) || !ctx.Items.ContainsKey(ReachedKey) || string.IsNullOrWhiteSpace(body)) return [];
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject o)
                return o.Select(p => p.Key).Distinct().Take(Validation.Shape.MaxReported).ToList();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // not JSON (or a repeated name): it is skipped as a whole
        }
        return ["$"];
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
