using System;
using System.Reflection;
using System.Runtime.Loader;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace ConflictProbe
{
    /// <summary>What the probe saw: the RestSharp and Newtonsoft.Json it actually ran with, and what it did with them.</summary>
    public sealed class ProbeResult
    {
        public string RestSharpVersion { get; set; } = "";
        public string RestSharpFileVersion { get; set; } = "";
        public string RestSharpLocation { get; set; } = "";
        public string RestSharpContext { get; set; } = "";
        public string NewtonsoftVersion { get; set; } = "";
        public string NewtonsoftFileVersion { get; set; } = "";
        public string NewtonsoftLocation { get; set; } = "";
        public string NewtonsoftContext { get; set; } = "";
        /// <summary>The URI RestSharp built for a request with a URL segment (no network).</summary>
        public string RequestUri { get; set; } = "";
        /// <summary>The JSON body RestSharp serialised for that request.</summary>
        public string RequestBody { get; set; } = "";
        /// <summary>A JObject serialised and read back with Newtonsoft.Json.</summary>
        public string RoundTrip { get; set; } = "";
        /// <summary>HTTP status of the live GET through RestSharp, or 0 when no URL was given.</summary>
        public int HttpStatus { get; set; }
        /// <summary>The live response body parsed with JObject and written back compactly (empty without a URL).</summary>
        public string HttpJson { get; set; } = "";
    }

    /// <summary>Uses both dependencies for real and reports which copies it got.</summary>
    public static class Probe
    {
        /// <summary>Builds a request, round-trips a JObject and, given a URL, GETs it with RestSharp and parses the JSON answer.</summary>
        public static ProbeResult Run(string? url = null)
        {
            var result = new ProbeResult();
            Describe(typeof(RestClient).Assembly, out var v, out var f, out var l, out var c);
            result.RestSharpVersion = v; result.RestSharpFileVersion = f; result.RestSharpLocation = l; result.RestSharpContext = c;
            Describe(typeof(JObject).Assembly, out v, out f, out l, out c);
            result.NewtonsoftVersion = v; result.NewtonsoftFileVersion = f; result.NewtonsoftLocation = l; result.NewtonsoftContext = c;

            using (var client = new RestClient(new RestClientOptions("http://probe.invalid/api/")))
            {
                var request = new RestRequest("items/{id}", Method.Post).AddUrlSegment("id", 42).AddJsonBody(new { name = "probe", count = 3 });
                result.RequestUri = client.BuildUri(request).ToString();
                foreach (var p in request.Parameters)
                {
                    if (p is BodyParameter body)
                        result.RequestBody = client.Serializers.GetSerializer(body.DataFormat).Serializer.Serialize(body.Value!) ?? "";
                }
            }

            if (!string.IsNullOrEmpty(url))
            {
                using var client = new RestClient(new RestClientOptions(url!) { Timeout = TimeSpan.FromSeconds(30) });
                var response = client.ExecuteGet(new RestRequest());
                result.HttpStatus = (int)response.StatusCode;
                if (response.Content != null) result.HttpJson = JObject.Parse(response.Content).ToString(Formatting.None);
            }

            var original = new JObject { ["probe"] = "conflict", ["numbers"] = new JArray(1, 2, 3) };
            var back = JsonConvert.DeserializeObject<JObject>(JsonConvert.SerializeObject(original))!;
            result.RoundTrip = back.ToString(Formatting.None);
            return result;
        }

        static void Describe(Assembly assembly, out string version, out string fileVersion, out string location, out string context)
        {
            version = assembly.GetName().Version?.ToString() ?? "";
            fileVersion = assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version ?? "";
            location = assembly.Location;
            context = AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "";
        }
    }
}
