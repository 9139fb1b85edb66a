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
        StateFile = options.StateFile is null ? null : StateFile.Open(options.StateFile, options.SeedName);
        State = new SimulatorState(options, Config, Clock, StateFile?.Loaded);
        if (StateFile?.Loaded is { } saved) Tokens.Load(saved.Tokens);
        SaveState(force: true); // a new file gets the seed at once
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
    /// <summary>Journaled requests not yet recorded; the journal's readers wait for them.</summary>
    public InFlight Pending { get; } = new();

    /// <summary>Where the state is kept across restarts (<c>--state-file</c>); null: in memory only.</summary>
    public StateFile? StateFile { get; }

    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Writes the state's changes to the state file, if there is one (every change when <paramref name="force"/>).</summary>
    public void SaveState(bool force = false) => StateFile?.Save(State, Tokens, force);

    /// <summary>Back to the seed (the state file too): services, keys, counters, logs, faults and run-time config. Issued tokens stay valid.</summary>
    public void Reset()
    {
        lock (State.Gate)
        {
            State.Reset();
            StateFile?.MarkReset(State, Tokens);
        }
        Faults.Clear();
        Stats.Reset();
        Requests.Clear();
        Orders.Clear();
        Config.ResetTo(Options);
    }
}
