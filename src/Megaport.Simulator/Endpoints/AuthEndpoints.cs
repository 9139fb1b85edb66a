using System.Text;
using Megaport.Simulator.Http;

namespace Megaport.Simulator.Endpoints;

/// <summary>OAuth2 client-credentials token endpoint (not enveloped, like the real auth server).</summary>
public static class AuthEndpoints
{
    public static void MapAuth(this WebApplication app, SimulatorContext sim)
    {
        app.MapPost(Pipeline.TokenPath, async (HttpContext ctx) =>
        {
            if (!TryReadBasic(ctx.Request.Headers.Authorization.ToString(), out var id, out var secret) ||
                !FixedTimeEquals(id, sim.Options.AccessKey) || !FixedTimeEquals(secret, sim.Options.SecretKey))
                return Api.Json(401, w => { w.WriteStartObject(); w.WriteString("error", "invalid_client"); w.WriteEndObject(); });

            // Current clients send grant_type in the query string; older ones send it as a form field.
            RequestBody.MarkRead(ctx);
            string? grant = ctx.Request.Query["grant_type"];
            if (string.IsNullOrEmpty(grant) && ctx.Request.HasFormContentType)
            {
                try
                {
                    grant = (await ctx.Request.ReadFormAsync(ctx.RequestAborted))["grant_type"];
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException)
                {
                    grant = null; // a form that does not parse carries no grant type
                }
            }
            if (grant != "client_credentials")
                return Api.Json(400, w => { w.WriteStartObject(); w.WriteString("error", "unsupported_grant_type"); w.WriteEndObject(); });

            var lifetime = sim.Config.TokenLifetimeSeconds;
            var token = sim.Tokens.Issue(sim.NowMs, lifetime);
            return Api.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteString("access_token", token);
                w.WriteString("token_type", "Bearer");
                w.WriteNumber("expires_in", lifetime);
                w.WriteEndObject();
            });
        });
    }

    private static bool TryReadBasic(string header, out string id, out string secret)
    {
        id = secret = "";
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            if (colon < 0) return false;
            id = decoded[..colon];
            secret = decoded[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
