using System;

namespace Megaport.Transport
{
    /// <summary>The endpoints of Megaport's environments: the API base URL and its OAuth2 token URL.</summary>
    internal static class Environments
    {
        internal sealed class Endpoint
        {
            public Endpoint(string name, string baseUri, string tokenUri) { Name = name; BaseUri = new Uri(baseUri); TokenUri = new Uri(tokenUri); }
            public string Name { get; }
            public Uri BaseUri { get; }
            public Uri TokenUri { get; }
        }

        public static readonly Endpoint Production = new("Production", "https://api.megaport.com/", "https://auth-m2m.megaport.com/oauth2/token");
        public static readonly Endpoint Staging = new("Staging", "https://api-staging.megaport.com/", "https://auth-m2m-staging.megaport.com/oauth2/token");
        public static readonly Endpoint Development = new("Development", "https://api-mpone-dev.megaport.com/", "https://auth-m2m-mpone-dev.megaport.com/oauth2/token");

        /// <summary>The environment of a name <see cref="Normalize"/> accepts.</summary>
        public static Endpoint Get(string name) => Normalize(name) switch
        {
            "Production" => Production,
            "Staging" => Staging,
            "Development" => Development,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a Megaport environment."),
        };

        /// <summary>The names the official CLI accepts (production|prod, staging, development|dev), or null.</summary>
        public static string? Normalize(string value) => value.Trim().ToLowerInvariant() switch
        {
            "production" or "prod" => "Production",
            "staging" => "Staging",
            "development" or "dev" => "Development",
            _ => null,
        };
    }
}
