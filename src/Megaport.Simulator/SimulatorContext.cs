using Megaport.Simulator.Admin;
using Megaport.Simulator.Faults;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;

namespace Megaport.Simulator;

/// <summary>The simulator's singletons, shared by middleware, API endpoints and admin endpoints.</summary>
public sealed class SimulatorContext
{
    public SimulatorContext(SimulatorOptions options, TimeProvider? clock = null)
    {
        Options = options;
        Clock = clock ?? TimeProvider.System;
        Config = new RuntimeConfig(options);
        State = new SimulatorState(options, Config, Clock);
        Json = new ProductJson(State);
        foreach (var f in options.Faults) Faults.Add(f);
    }

    public SimulatorOptions Options { get; }
    public TimeProvider Clock { get; }
    public RuntimeConfig Config { get; }
    public SimulatorState State { get; }
    public ProductJson Json { get; }
    public TokenStore Tokens { get; } = new();
    public FaultStore Faults { get; } = new();
    public Stats Stats { get; } = new();
    public Journal<RequestRecord> Requests { get; } = new(20_000);
    public Journal<OrderRecord> Orders { get; } = new(5_000);

    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Back to the seed: services, keys, counters, logs, faults and run-time config. Issued tokens stay valid.</summary>
    public void Reset()
    {
        State.Reset();
        Faults.Clear();
        Stats.Reset();
        Requests.Clear();
        Orders.Clear();
        Config.ResetTo(Options);
    }
}
