using System;
using System.Management.Automation;
using System.Text;

namespace Megaport.Errors
{
    /// <summary>
    /// Every failure the module reports: local validation, API errors, network failures. Carries the stable ErrorId
    /// and category of the module's conventions; cmdlets turn it into an ErrorRecord (see ErrorRecords).
    /// </summary>
    internal sealed class MegaportException : Exception
    {
        public MegaportException(string errorId, ErrorCategory category, string message, object? target = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            Target = target;
        }

        public string ErrorId { get; }
        public ErrorCategory Category { get; }
        public object? Target { get; set; }
        public string? Method { get; set; }
        public string? Path { get; set; }
        public int? StatusCode { get; set; }
        public string? ApiMessage { get; set; }
        public string? ApiData { get; set; }
        public string? TraceId { get; set; }
        public string? RecommendedAction { get; set; }
        /// <summary>The request may have been executed by the server (sent, then no usable answer).</summary>
        public bool OutcomeUnknown { get; set; }
        /// <summary>A retry could succeed (429, 502-504, network failure, timeout, malformed body).</summary>
        public bool Transient { get; set; }
        /// <summary>The connection was refused, so nothing was sent: safe to retry even an order.</summary>
        public bool ConnectionRefused { get; set; }
        /// <summary>The server's Retry-After, when it sent one.</summary>
        public TimeSpan? RetryAfter { get; set; }
        /// <summary>Short text for the -Verbose retry line ("HTTP 503", "connection refused").</summary>
        public string? RetryReason { get; set; }

        /// <summary>
        /// A failure of one pipeline item (one order, one change): reported as a non-terminating error while the
        /// others go on. Not connected, refused credentials and the module's own bugs stop the whole command.
        /// </summary>
        public bool IsItemFailure => ErrorId is not (ErrorIds.NotConnected or ErrorIds.AuthenticationFailed or ErrorIds.InternalError);

        public static MegaportException InvalidArgument(string message, object? target = null) =>
            new(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, message, target);

        /// <summary>An exception the module does not understand: a bug, never disguised as an API error.</summary>
        public static MegaportException Internal(Exception ex) =>
            new(ErrorIds.InternalError, ErrorCategory.NotSpecified,
                $"The Megaport module failed unexpectedly ({ex.GetType().Name}: {ex.Message}). This is a bug in the module; the original exception is the inner exception.",
                null, ex);

        /// <summary>"GET /v2/products -> 503 Service Unavailable: detail (Trace-Id abc)".</summary>
        internal static string Describe(string method, string path, int? status, string? apiMessage, string? apiData, string? traceId)
        {
            var sb = new StringBuilder().Append(method).Append(' ').Append(path);
            if (status is int s) sb.Append(" -> ").Append(s);
            if (!string.IsNullOrWhiteSpace(apiMessage)) sb.Append(' ').Append(apiMessage!.Trim());
            if (!string.IsNullOrWhiteSpace(apiData)) sb.Append(": ").Append(apiData!.Trim());
            if (!string.IsNullOrEmpty(traceId)) sb.Append(" (Trace-Id ").Append(traceId).Append(')');
            return sb.ToString();
        }
    }

    /// <summary>The stable ErrorIds users match on (FullyQualifiedErrorId starts with one of these).</summary>
    internal static class ErrorIds
    {
        public const string NotConnected = "MegaportNotConnected";
        public const string AuthenticationFailed = "MegaportAuthenticationFailed";
        public const string PermissionDenied = "MegaportPermissionDenied";
        public const string InvalidArgument = "MegaportInvalidArgument";
        public const string ValidationFailed = "MegaportValidationFailed";
        public const string ServiceNotFound = "MegaportServiceNotFound";
        public const string LocationNotFound = "MegaportLocationNotFound";
        public const string ManagedAccountNotFound = "MegaportManagedAccountNotFound";
        public const string RateLimited = "MegaportRateLimited";
        public const string ApiError = "MegaportApiError";
        public const string WaitTimeout = "MegaportWaitTimeout";
        public const string NotSupported = "MegaportNotSupported";
        public const string InternalError = "MegaportInternalError";
    }
}
