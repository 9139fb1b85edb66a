using System.Threading.Tasks;
using Megaport.Api.Requests;
using Megaport.Transport;
using Newtonsoft.Json.Linq;

namespace Megaport.Api
{
    /// <summary>The price book: what an item costs before anything it needs exists (a VXC between two new ports).</summary>
    internal sealed partial class MegaportApi
    {
        /// <summary>POST /v4/pricebook/product: the monthly price of one product, as a Quote.</summary>
        public async Task<Quote> PriceAsync(object request, CallContext ctx)
        {
            var result = await Client.SendAsync("POST", "/v4/pricebook/product", RequestJson.ToToken(request), RetryKind.Read, ctx).ConfigureAwait(false);
            var data = result.Data as JObject;
            return new Quote
            {
                ProductType = data.Str("productType"),
                MonthlyRate = data.Decimal("monthlyRate") ?? 0,
                MonthlyRackRate = data.Decimal("monthlyRackRate"),
                Currency = data.Str("currency"),
            };
        }
    }
}
