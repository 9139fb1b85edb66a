using System.Net;
using Megaport.Simulator.Admin;
using Megaport.Simulator.Endpoints;
using Megaport.Simulator.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;

namespace Megaport.Simulator;

/// <summary>Builds and starts the simulator web app; used by Program and by in-process tests.</summary>
public sealed class SimulatorApp : IAsyncDisposable
{
    private SimulatorApp(WebApplication app, SimulatorContext context)
    {
        App = app;
        Context = context;
    }

    public WebApplication App { get; }
    public SimulatorContext Context { get; }
    /// <summary>The bound address, e.g. http://127.0.0.1:54321 (known after <see cref="StartAsync"/>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    public static SimulatorApp Create(SimulatorOptions options, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Stdout belongs to the three start-up lines; framework messages (warnings and up) go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });

        // A query value that does not bind (?vlan=abc) throws, so the pipeline answers it with the 400 envelope.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var sim = new SimulatorContext(options, clock);
        var app = builder.Build();
        app.UseSimulatorPipeline(sim);
        app.MapAdmin(sim);
        app.MapAuth(sim);
        app.MapLocations(sim);
        app.MapCatalogue(sim);
        app.MapProducts(sim);
        app.MapOrders(sim);
        app.MapManagement(sim);
        app.MapServiceKeys(sim);
        app.MapCompany(sim);
        app.MapPlatform(sim);
        app.MapManagedAccounts(sim);
        app.MapTelemetry(sim);
        app.MapFallback(() => Api.Error(404, "Not Found", "No API resource at this path"));
        return new SimulatorApp(app, sim);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await App.StartAsync(cancellationToken);
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        // A big generated account: render the product list once in the background so the first client call is quick.
        if (Context.Options.Scale is not null) _ = Task.Run(() => ProductEndpoints.ProductsBody(Context), cancellationToken);
    }

    public Task StopAsync() => App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Context.StateFile?.Dispose();
    }
}
