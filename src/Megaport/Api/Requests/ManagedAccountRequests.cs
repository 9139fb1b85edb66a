using Newtonsoft.Json;

namespace Megaport.Api.Requests
{
    /// <summary>POST /v2/managedCompanies and PUT /v2/managedCompanies/{companyUid}: both fields, always.</summary>
    [JsonObject(MemberSerialization.OptIn)]
    internal sealed class ManagedAccountRequest
    {
        public ManagedAccountRequest(string name, string reference) { Name = name; Reference = reference; }

        [JsonProperty("accountName")] public string Name { get; }
        [JsonProperty("accountRef")] public string Reference { get; }
    }
}
