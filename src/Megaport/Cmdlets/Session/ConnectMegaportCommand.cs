using System;
using System.Management.Automation;
using System.Security;
using Megaport.Transport;

namespace Megaport.Cmdlets
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
            var session = new Session(environment, baseUri, tokenUri, accessKey, TimeSpan.FromSeconds(TimeoutSec), client) { HandedOut = PassThru };
            var replaced = SessionStore.Current;
            SessionStore.Current = session;
            // The session this one replaces is released, unless the caller holds it (from -PassThru) to use with -Session.
            if (replaced != null && !replaced.HandedOut) replaced.Close();
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
                case EnvironmentSet:
                    var access = System.Environment.GetEnvironmentVariable("MEGAPORT_ACCESS_KEY");
                    var secret = System.Environment.GetEnvironmentVariable("MEGAPORT_SECRET_KEY");
                    if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(secret))
                        ThrowInvalidArgument("No API key given. Pass -Credential, or -AccessKey and -SecretKey, or set MEGAPORT_ACCESS_KEY and MEGAPORT_SECRET_KEY.", null);
                    var secure = new SecureString();
                    foreach (var c in secret!) secure.AppendChar(c);
                    return (access!, secure);
                default:
                    throw new InvalidOperationException("Unknown parameter set " + ParameterSetName);
            }
        }

        (string Environment, Uri BaseUri, Uri TokenUri) ResolveEndpoints()
        {
            if (BaseUri != null)
            {
                CheckHttp(BaseUri, "-BaseUri");
                var tokenUri = TokenUri ?? new Uri(BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/oauth2/token");
                CheckHttp(tokenUri, "-TokenUri");
                return (Environment ?? "Custom", BaseUri, tokenUri);
            }
            var env = Environments.Get(Environment ?? EnvironmentFromVariable() ?? "Production");
            var token = TokenUri ?? env.TokenUri;
            CheckHttp(token, "-TokenUri");
            return (env.Name, env.BaseUri, token);
        }

        static void CheckHttp(Uri uri, string what)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                ThrowInvalidArgument($"{what} must be an absolute http or https URI, not '{uri}'.", uri);
        }

        static string? EnvironmentFromVariable()
        {
            var value = System.Environment.GetEnvironmentVariable("MEGAPORT_ENVIRONMENT");
            if (string.IsNullOrWhiteSpace(value)) return null;
            var name = Environments.Normalize(value!);
            if (name == null) ThrowInvalidArgument($"MEGAPORT_ENVIRONMENT is '{value}'; use production, staging or development.", value);
            return name;
        }
    }
}
