using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Megaport.Bench.Floor
{
    /// <summary>
    /// Usage: Megaport.Bench.Floor &lt;url&gt; &lt;bearer token&gt; [count=200] [warmup=5]
    /// Sends warm-up GETs, then <c>count</c> sequential GETs on one HttpClient (one kept-alive connection), reading each
    /// body to the end as a string. Prints one JSON line: {"count":n,"totalMs":x,"callsMs":[...],"bytes":n}.
    /// Exit code 1 on any non-2xx answer.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: Megaport.Bench.Floor <url> <bearer token> [count=200] [warmup=5]");
                return 2;
            }
            var url = new Uri(args[0]);
            var token = args[1];
            var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
            var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;

            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            var bytes = 0;
            var calls = new double[count];
            double totalMs;
            try
            {
                for (var i = 0; i < warmup; i++) bytes = await GetAsync(http, url).ConfigureAwait(false);
                var total = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    var one = Stopwatch.StartNew();
                    await GetAsync(http, url).ConfigureAwait(false);
                    calls[i] = one.Elapsed.TotalMilliseconds;
                }
                totalMs = total.Elapsed.TotalMilliseconds;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }

            var json = new StringBuilder();
            json.Append(CultureInfo.InvariantCulture, $"{{\"count\":{count},\"totalMs\":{totalMs:0.###},\"bytes\":{bytes},\"callsMs\":[");
            for (var i = 0; i < count; i++) json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{calls[i]:0.###}");
            json.Append("]}");
            Console.WriteLine(json.ToString());
            return 0;
        }

        static async Task<int> GetAsync(HttpClient http, Uri url)
        {
            using var response = await http.GetAsync(url).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url} -> {(int)response.StatusCode}: {body}");
            return body.Length;
        }
    }
}
