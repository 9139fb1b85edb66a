using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Errors;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>The platform and catalogue: service events (ENS), countries, round-trip times, the pricebook, letters of authorisation, and any path.</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>GET /ens/v1/status/maintenance?state=…: the maintenance windows in one state.</summary>
        public async Task<IReadOnlyList<MaintenanceEvent>> GetMaintenanceAsync(string state, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/ens/v1/status/maintenance?state=" + Escape(state), null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Rows(result).Select(PlatformReaders.Maintenance).ToList();
        }

        /// <summary>GET /ens/v1/status/outage?state=…: the outages in one state.</summary>
        public async Task<IReadOnlyList<OutageEvent>> GetOutagesAsync(string state, CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/ens/v1/status/outage?state=" + Escape(state), null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Rows(result).Select(PlatformReaders.Outage).ToList();
        }

        public async Task<IReadOnlyList<Country>> GetCountriesAsync(CallContext ctx)
        {
            var result = await Client.SendAsync("GET", "/v2/networkRegions", null, RetryKind.Read, ctx).ConfigureAwait(false);
            return PlatformReaders.Countries(result.Data).ToList();
        }

        /// <summary>GET /v2/locations/rtt?srcLocation=&amp;year=YY&amp;month=M: the median RTTs from one location in one month.</summary>
        public async Task<IReadOnlyList<RoundTripTime>> GetRoundTripTimesAsync(int sourceLocationId, int year, int month, CallContext ctx)
        {
            var path = string.Format(CultureInfo.InvariantCulture, "/v2/locations/rtt?srcLocation={0}&year={1}&month={2}", sourceLocationId, year % 100, month);
            var result = await Client.SendAsync("GET", path, null, RetryKind.Read, ctx).ConfigureAwait(false);
            return Rows(result).Select(o => PlatformReaders.Rtt(o, year, month)).ToList();
        }

        /// <summary>POST /v4/pricebook/product: the price of one product, ordering nothing (a read, so retried like one).</summary>
        public async Task<Quote> GetPriceAsync(PriceRequest request, string name, string? metro, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v4/pricebook/product", RequestJson.ToToken(request), RetryKind.Read, ctx).ConfigureAwait(false);
            return result.Data is JObject o ? PlatformReaders.Price(o, name, metro)
                : throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"POST /v4/pricebook/product -> {result.Status} but the answer has no price (Trace-Id {result.TraceId}).");
        }

        /// <summary>GET /v2/product/{uid}/loa: the port's letter of authorisation, a PDF.</summary>
        public async Task<ApiBytes> GetLoaAsync(string productUid, CallContext ctx)
        {
            var path = $"/v2/product/{Escape(productUid)}/loa";
            var answer = await Client.GetBytesAsync(path, "application/pdf, application/json", ctx).ConfigureAwait(false);
            if (!IsPdf(answer.Content))
                throw new MegaportException(ErrorIds.ApiError, ErrorCategory.InvalidResult,
                    $"GET {path} answered {answer.Content.Length} bytes of {answer.ContentType ?? "no content type"}, not a PDF (Trace-Id {answer.TraceId}).", productUid)
                { Method = "GET", Path = path, TraceId = answer.TraceId };
            return answer;
        }

        static bool IsPdf(byte[] content) =>
            content.Length > 5 && content[0] == (byte)'%' && content[1] == (byte)'P' && content[2] == (byte)'D' && content[3] == (byte)'F' && content[4] == (byte)'-';

        /// <summary>Any API path (Invoke-MegaportRestMethod): reads are retried as reads; anything else as a write.</summary>
        public Task<ApiResult> CallAsync(string method, string path, JToken? body, CallContext ctx) =>
            Client.SendAsync(method, path, body, method == "GET" ? RetryKind.Read : RetryKind.Write, ctx);
    }
}
