using System;
using System.Linq;
using System.Management.Automation;
using Megaport.Api;
using Megaport.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Megaport.Cmdlets
{
    /// <summary>
    /// Invoke-MegaportRestMethod: any path of the Megaport API with the session's token, retries (reads only), error
    /// mapping and Trace-Id, for what no cmdlet covers yet. Returns the envelope's data as objects (like Invoke-RestMethod),
    /// or the whole body with -Raw.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MegaportRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeMegaportRestMethodCommand : PerItemCmdlet
    {
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "DELETE", "PATCH", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The API path and query, relative to the session's API ("/v2/products", "/v3/locations?locationStatuses=Active").</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Path { get; set; } = null!;

        /// <summary>The JSON body: a hashtable, an object with properties, a list, or JSON text.</summary>
        [Parameter(Position = 1)]
        public object? Body { get; set; }

        /// <summary>The whole response body (message, terms and data) instead of its data.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override void ProcessItem()
        {
            var method = Method.ToUpperInvariant();
            var path = RelativePath(Path, CurrentSession.BaseUri);
            JToken? body = null;
            if (Given(nameof(Body)) && Body != null)
            {
                if (method == "GET") throw MegaportException.InvalidArgument("A GET request has no body; leave -Body out or use another -Method.", Body);
                body = PSJson.Unwrap(Body) is string text ? ParseJson(text) : PSJson.ToToken(Body, "-Body");
            }
            if (method != "GET" && !ShouldChange($"{method} {path}", body == null ? "Send" : $"Send {Json.Serialize(body).Length} bytes of JSON")) return;
            var api = Api;
            var result = Run(ctx => api.CallAsync(method, path, body, ctx));
            if (result.TraceId != null) WriteVerbose($"{method} {path}: Trace-Id {result.TraceId}");
            // The envelope's data, or the whole body of an API without the envelope (a bare array).
            var output = Raw ? result.Body : result.Body is JObject o && o.Properties().Any(p => string.Equals(p.Name, "data", StringComparison.OrdinalIgnoreCase)) ? result.Data : result.Body;
            if (output == null) return;
            WriteObject(PSObjects.From(output), enumerateCollection: !Raw);
        }

        static JToken ParseJson(string text)
        {
            try { return Json.Parse(text); }
            catch (JsonException ex) { throw MegaportException.InvalidArgument($"-Body is text but not JSON: {ex.Message}", null); }
        }

        /// <summary>
        /// The path as the API takes it: "/" and a path of the API, without a fragment, "..", backslashes or white space.
        /// An absolute URL is taken only when it points at the session's own API; any other host is refused, so the
        /// token is never sent elsewhere.
        /// </summary>
        internal static string RelativePath(string? path, Uri baseUri)
        {
            var text = (path ?? "").Trim();
            if (text.Length == 0) throw MegaportException.InvalidArgument("-Path must not be empty; give an API path such as /v2/products.", path);
            if (text.Length > 2048) throw MegaportException.InvalidArgument($"-Path is {text.Length} characters long; at most 2048 are allowed.", null);
            if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) throw MegaportException.InvalidArgument("-Path must not contain spaces or control characters (escape them in the query).", path);
            if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !text.StartsWith("/", StringComparison.Ordinal))
            {
                var root = baseUri.GetLeftPart(UriPartial.Authority);
                var basePath = baseUri.AbsolutePath.TrimEnd('/');
                if (!(absolute.Scheme is "http" or "https") || !string.Equals(absolute.GetLeftPart(UriPartial.Authority), root, StringComparison.OrdinalIgnoreCase)
                    || !absolute.AbsolutePath.StartsWith(basePath + "/", StringComparison.Ordinal) || absolute.UserInfo.Length > 0)
                    throw MegaportException.InvalidArgument($"-Path '{path}' is not on this session's API ({baseUri}); the token is only ever sent there. Give a relative path such as /v2/products.", path);
                text = absolute.PathAndQuery.Substring(basePath.Length);
                if (absolute.Fragment.Length > 0) throw MegaportException.InvalidArgument($"-Path '{path}' has a fragment (#...), which no API path has.", path);
            }
            if (!text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal))
                throw MegaportException.InvalidArgument($"-Path '{path}' is not an API path: it must start with a single / (e.g. /v2/products).", path);
            if (text.IndexOf('\\') >= 0 || text.IndexOf('#') >= 0)
                throw MegaportException.InvalidArgument($"-Path '{path}' has a backslash or a fragment (#), which no API path has.", path);
            var pathPart = text.Split('?')[0];
            if (pathPart.Split('/').Any(s => Uri.UnescapeDataString(s) is ".." or "."))
                throw MegaportException.InvalidArgument($"-Path '{path}' climbs out of its folder (. or ..); give the path itself.", path);
            return text;
        }
    }
}
