using System;
using System.Management.Automation;
using Megaport.Client;

namespace Megaport.Infrastructure
{
    internal static class ErrorRecords
    {
        public static ErrorRecord From(MegaportException ex)
        {
            var record = new ErrorRecord(ex, ex.ErrorId, ex.Category, ex.Target);
            record.ErrorDetails = new ErrorDetails(ex.Message);
            if (ex.RecommendedAction != null) record.ErrorDetails.RecommendedAction = ex.RecommendedAction;
            return record;
        }

        /// <summary>A bug or an unforeseen failure: still a clean ErrorRecord with a Megaport ErrorId, never a raw stack trace.</summary>
        public static MegaportException Unexpected(Exception ex) =>
            (new MegaportException(ErrorIds.ApiError, ErrorCategory.NotSpecified,
                $"Unexpected {ex.GetType().Name}: {ex.Message}", null, ex));
    }
}
