using System;
using System.Management.Automation;
using System.Security;
using Megaport.Client;
using Megaport.Infrastructure;

namespace Megaport.Commands
{
    /// <summary>Connect-Megaport: gets an OAuth2 token with an API key and makes this runspace's session.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Megaport", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(Session))]
    public sealed class ConnectMegaportCommand : MegaportCmdlet
    {
        const string EnvironmentSet = "EnvironmentVariables";
        const string CredentialSet = "Credential";
        const string KeySet = "AccessKey";

        /// <summary>UserName = API access key, Password = API secret key (fits Get-AutomationPSCredential).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = KeySet)]
        [ValidateNotNullOrEmpty]
        public string AccessKey { get; set; } = null!;

        [Parameter(Mandatory = true, ParameterSetName = KeySet)]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = null!;

        [Parameter]
        [ValidateSet("Production", "Staging", "Development", IgnoreCase = true)]
        public string? Environment { get; set; }

        /// <summary>Any other API endpoint: the simulator, a proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>The OAuth2 token endpoint; defaults to the environment's, or &lt;BaseUri&gt;/oauth2/token.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? TokenUri { get; set; }

        /// <summary>Per-request timeout in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            var (accessKey, secretKey) = ReadKeys();
            var (environment, baseUri, tokenUri) = ResolveEndpoints();
            var client = new MegaportClient(baseUri, tokenUri, accessKey, secretKey, TimeSpan.FromSeconds(TimeoutSec));
            try
            {
                Run(ctx => client.AuthenticateAsync(ctx));
            }
            catch
            {
                client.Dispose();
                throw;
            }
            var session = new Session(environment, baseUri, tokenUri, accessKey, TimeSpan.FromSeconds(TimeoutSec), client);
            SessionStore.Current = session;
            WriteVerbose($"Connected to Megaport {environment} ({baseUri}) as {accessKey}; token valid until {session.TokenExpiresAt:u}.");
            if (PassThru) WriteObject(session);
        }

        (string AccessKey, SecureString SecretKey) ReadKeys()
        {
            switch (ParameterSetName)
            {
                case CredentialSet:
                    if (string.IsNullOrEmpty(Credential.UserName) || Credential.Password == null || Credential.Password.Length == 0)
                        ThrowInvalidArgument("The credential needs the API access key as user name and the secret key as password.", null);
                    return (Credential.UserName, Credential.Password!);
                case KeySet:
                    if (SecretKey.Length == 0) ThrowInvalidArgument("-SecretKey is empty.", null);
                    return (AccessKey, SecretKey);
                default:
                    var access = System.Environment.GetEnvironmentVariable("MEGAPORT_ACCESS_KEY");
                    var secret = System.Environment.GetEnvironmentVariable("MEGAPORT_SECRET_KEY");
                    if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(secret))
                        ThrowInvalidArgument("No API key given. Pass -Credential, or -AccessKey and -SecretKey, or set MEGAPORT_ACCESS_KEY and MEGAPORT_SECRET_KEY.", null);
                    var secure = new SecureString();
                    foreach (var c in secret!) secure.AppendChar(c);
                    return (access!, secure);
            }
        }

        (string Environment, Uri BaseUri, Uri TokenUri) ResolveEndpoints()
        {
            if (BaseUri != null)
            {
                if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttp && BaseUri.Scheme != Uri.UriSchemeHttps))
                    ThrowInvalidArgument($"-BaseUri must be an absolute http or https URI, not '{BaseUri}'.", BaseUri);
                var tokenUri = TokenUri ?? new Uri(BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/oauth2/token");
                CheckTokenUri(tokenUri);
                return (Environment ?? "Custom", BaseUri, tokenUri);
            }
            var name = Environment ?? EnvironmentFromVariable() ?? "Production";
            var env = Environments.Get(name);
            var token = TokenUri ?? env.TokenUri;
            CheckTokenUri(token);
            return (env.Name, env.BaseUri, token);
        }

        void CheckTokenUri(Uri tokenUri)
        {
            if (!tokenUri.IsAbsoluteUri || (tokenUri.Scheme != Uri.UriSchemeHttp && tokenUri.Scheme != Uri.UriSchemeHttps))
                ThrowInvalidArgument($"-TokenUri must be an absolute http or https URI, not '{tokenUri}'.", tokenUri);
        }

        string? EnvironmentFromVariable()
        {
            var value = System.Environment.GetEnvironmentVariable("MEGAPORT_ENVIRONMENT");
            if (string.IsNullOrWhiteSpace(value)) return null;
            var name = Environments.Normalize(value!);
            if (name == null) ThrowInvalidArgument($"MEGAPORT_ENVIRONMENT is '{value}'; use production, staging or development.", value);
            return name;
        }
    }

    /// <summary>Disconnect-Megaport: forgets this runspace's session (or the one given) and releases its connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Megaport")]
    [OutputType(typeof(void))]
    public sealed class DisconnectMegaportCommand : MegaportCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public Session? Session { get; set; }

        protected override void Process()
        {
            var current = SessionStore.Current;
            var session = Session ?? current;
            if (session == null)
            {
                WriteVerbose("Not connected to Megaport; nothing to disconnect.");
                return;
            }
            session.Close();
            if (ReferenceEquals(session, current)) SessionStore.Current = null;
            WriteVerbose($"Disconnected from Megaport {session.Environment} ({session.BaseUri}).");
        }
    }

    /// <summary>The endpoints of Megaport's environments (research §1.1).</summary>
    internal static class Environments
    {
        internal sealed class Endpoint
        {
            public Endpoint(string name, string baseUri, string tokenUri) { Name = name; BaseUri = new Uri(baseUri); TokenUri = new Uri(tokenUri); }
            public string Name { get; }
            public Uri BaseUri { get; }
            public Uri TokenUri { get; }
        }

        static readonly Endpoint Production = new("Production", "https://api.megaport.com/", "https://auth-m2m.megaport.com/oauth2/token");
        static readonly Endpoint Staging = new("Staging", "https://api-staging.megaport.com/", "https://auth-m2m-staging.megaport.com/oauth2/token");
        static readonly Endpoint Development = new("Development", "https://api-mpone-dev.megaport.com/", "https://auth-m2m-mpone-dev.megaport.com/oauth2/token");

        public static Endpoint Get(string name) => Normalize(name) switch
        {
            "Staging" => Staging,
            "Development" => Development,
            _ => Production,
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
