namespace Megaport.Simulator.State;

/// <summary>Settings that <c>PUT /_simulator/config</c> may change while running.</summary>
public sealed class RuntimeConfig
{
    private volatile int _provisionDelayMs;
    private volatile int _tokenLifetimeSeconds;

    public RuntimeConfig(SimulatorOptions options) => ResetTo(options);

    public int ProvisionDelayMs { get => _provisionDelayMs; set => _provisionDelayMs = value; }
    public int TokenLifetimeSeconds { get => _tokenLifetimeSeconds; set => _tokenLifetimeSeconds = value; }

    public void ResetTo(SimulatorOptions options)
    {
        _provisionDelayMs = options.ProvisionDelayMs;
        _tokenLifetimeSeconds = options.TokenLifetimeSeconds;
    }
}
