using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Megaport.Api;
using Megaport.Errors;
using Megaport.Products;
using Megaport.Transport;
using RestSharp;

namespace Megaport.Tests
{
    /// <summary>What the stub answers to one request.</summary>
    public sealed record StubReply(int Status, string Body, IDictionary<string, string>? Headers = null);

    /// <summary>One request the stub received.</summary>
    public sealed record StubRequest(string Method, string PathAndQuery, string? Authorization, string Body);

    /// <summary>
    /// A tiny real HTTP server on loopback for the client's unit tests: each test scripts the replies, so token
    /// refresh, retries and error mapping can be driven exactly. (Module-level tests use the simulator instead.)
    /// </summary>
    public sealed class StubServer : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly Func<StubRequest, StubReply> _handler;
        readonly CancellationTokenSource _stop = new();
        public ConcurrentQueue<StubRequest> Requests { get; } = new();
        public Uri BaseUri { get; }

        public StubServer(Func<StubRequest, StubReply> handler)
        {
            _handler = handler;
            var port = FreePort();
            BaseUri = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseUri.ToString());
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch { return; }
                _ = Task.Run(() => Handle(ctx));
            }
        }

        void Handle(HttpListenerContext ctx)
        {
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var request = new StubRequest(ctx.Request.HttpMethod, ctx.Request.Url!.PathAndQuery, ctx.Request.Headers["Authorization"], reader.ReadToEnd());
            Requests.Enqueue(request);
            StubReply reply;
            try { reply = _handler(request); }
            catch (Exception ex) { reply = new StubReply(599, ex.Message); }
            ctx.Response.StatusCode = reply.Status;
            ctx.Response.Headers["Trace-Id"] = "trace-" + Requests.Count;
            if (reply.Headers != null) foreach (var h in reply.Headers) ctx.Response.Headers[h.Key] = h.Value;
            ctx.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            ctx.Response.ContentLength64 = bytes.Length;
            ctx.Response.OutputStream.Write(bytes, 0, bytes.Length);
            ctx.Response.Close();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }
    }

    static class StubResponses
    {
        public const string Terms = "This data is subject to the Acceptable Use Policy https://www.megaport.com/legal/acceptable-use-policy";

        public static StubReply Token(string token, int expiresIn = 3600) =>
            new(200, $"{{\"access_token\":\"{token}\",\"token_type\":\"Bearer\",\"expires_in\":{expiresIn}}}");

        public static StubReply Envelope(string message, string dataJson, int status = 200) =>
            new(status, $"{{\"message\":\"{message}\",\"terms\":\"{Terms}\",\"data\":{dataJson}}}");

        /// <summary>Maps a status and body exactly as the client maps a real answer.</summary>
        public static MegaportException Error(int status, string body, string method, string path) =>
            HttpErrors.FromResponse(method, path, new RestResponse(new RestRequest()) { StatusCode = (HttpStatusCode)status, Content = body }, RetryKind.Read);
    }
}
