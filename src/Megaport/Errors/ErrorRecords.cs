using System.Management.Automation;

namespace Megaport.Errors
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
    }
}
