using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>
    /// Serializes the request specs of Api/Requests: the one place their JSON is made. Specs opt their members in
    /// with [JsonProperty("apiName")]; a member left null is not sent, so "not given" never reaches the API.
    /// </summary>
    internal static class RequestJson
    {
        static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            NullValueHandling = NullValueHandling.Ignore,
            Culture = CultureInfo.InvariantCulture,
            DateParseHandling = DateParseHandling.None,
        });

        public static JToken ToToken(object spec) => JToken.FromObject(spec, Serializer);
    }
}
