using System;
using System.Management.Automation;
using System.Security;
using Megaport.Api;
using Megaport.Completers;
using Megaport.Ordering;
using Megaport.Transformations;
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

        /// <summary>
        /// Act for this managed company on every call (partners): a company UID, an account name (looked up once,
        /// here) or a Megaport.ManagedAccount. Defaults to MEGAPORT_MANAGED_ACCOUNT_UID.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ManagedAccountCompleter))]
        public object? ManagedAccount { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            var (accessKey, secretKey) = ReadKeys();
            var (environment, baseUri, tokenUri) = ResolveEndpoints();
            var (accountUid, accountName) = ReadManagedAccount();
            var client = new MegaportClient(baseUri, tokenUri, accessKey, secretKey, TimeSpan.FromSeconds(TimeoutSec));
            var session = new Session(environment, baseUri, tokenUri, accessKey, TimeSpan.FromSeconds(TimeoutSec), client) { HandedOut = PassThru };
            try
            {
                Run(ctx => client.AuthenticateAsync(ctx));
                if (accountUid == null && accountName != null)
                {
                    // A name is looked up once, as the partner, before the session acts for anyone.
                    var account = Run(ctx => ManagedAccounts.ResolveAsync(session, new MegaportApi(client), accountName, ctx));
                    (accountUid, accountName) = (account.CompanyUid, account.Name);
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }
            client.ManagedAccountUid = accountUid;
            session.ManagedAccountUid = accountUid;
            session.ManagedAccountName = accountName;
            var replaced = SessionStore.Current;
            SessionStore.Current = session;
            // The session this one replaces is released, unless the caller holds it (from -PassThru) to use with -Session.
            if (replaced != null && !replaced.HandedOut) replaced.Close();
            WriteVerbose($"Connected to Megaport {environment} ({baseUri}) as {accessKey}; token valid until {session.TokenExpiresAt:u}."
                + (accountUid == null ? "" : $" Acting for managed account {accountName ?? accountUid}."));
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

        /// <summary>
        /// The managed account asked for: (uid, name) from an object, (uid, null) from a UID, (null, name) for a name
        /// still to look up, (null, null) for none. A blank value (here or in the variable) means none.
        /// </summary>
        (string? Uid, string? Name) ReadManagedAccount()
        {
            if (ManagedAccount == null)
            {
                var variable = System.Environment.GetEnvironmentVariable("MEGAPORT_MANAGED_ACCOUNT_UID");
                if (string.IsNullOrWhiteSpace(variable)) return (null, null);
                if (!ManagedAccounts.IsCompanyUid(variable!))
                    ThrowInvalidArgument($"MEGAPORT_MANAGED_ACCOUNT_UID is '{variable}'; it must be a company UID.", variable);
                return (variable!.Trim(), null);
            }
            var given = PropertyInput.Unwrap(ManagedAccount);
            if (given is string text)
            {
                if (string.IsNullOrWhiteSpace(text)) return (null, null);
                return ManagedAccounts.IsCompanyUid(text) ? (text.Trim(), null) : (null, text.Trim());
            }
            var uid = PropertyInput.ValueOf(ManagedAccount, "CompanyUid") as string;
            if (uid == null || !ManagedAccounts.IsCompanyUid(uid))
                ThrowInvalidArgument("-ManagedAccount takes a company UID, an account name or a Megaport.ManagedAccount (an object with a CompanyUid).", ManagedAccount);
            return (uid!.Trim(), PropertyInput.ValueOf(ManagedAccount, "Name") as string);
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
            // The URL variables beat MEGAPORT_ENVIRONMENT; a parameter beats both.
            if (Environment == null && UrlsFromVariables() is { } urls)
                return ("Custom", urls.Api, TokenUri ?? urls.Token);
            var env = Environments.Get(Environment ?? EnvironmentFromVariable() ?? "Production");
            var token = TokenUri ?? env.TokenUri;
            CheckHttp(token, "-TokenUri");
            return (env.Name, env.BaseUri, token);
        }

        /// <summary>MEGAPORT_BASE_URL and MEGAPORT_TOKEN_URL: both or neither, as the Terraform provider reads them.</summary>
        static (Uri Api, Uri Token)? UrlsFromVariables()
        {
            var api = System.Environment.GetEnvironmentVariable("MEGAPORT_BASE_URL");
            var token = System.Environment.GetEnvironmentVariable("MEGAPORT_TOKEN_URL");
            var hasApi = !string.IsNullOrWhiteSpace(api);
            var hasToken = !string.IsNullOrWhiteSpace(token);
            if (!hasApi && !hasToken) return null;
            if (hasApi != hasToken)
                ThrowInvalidArgument($"MEGAPORT_BASE_URL and MEGAPORT_TOKEN_URL go together: {(hasApi ? "MEGAPORT_TOKEN_URL" : "MEGAPORT_BASE_URL")} is not set.", hasApi ? api : token);
            var apiUri = Absolute(api!, "MEGAPORT_BASE_URL");
            var tokenUri = Absolute(token!, "MEGAPORT_TOKEN_URL");
            return (apiUri, tokenUri);
        }

        static Uri Absolute(string text, string what)
        {
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)) ThrowInvalidArgument($"{what} is '{text}'; it must be an absolute http or https URL.", text);
            CheckHttp(uri!, what);
            return uri!;
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
