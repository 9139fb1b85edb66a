using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.State;

/// <summary>
/// The account's world: locations, marketplace, services, keys. One lock (<see cref="Gate"/>) guards every read
/// and mutation — simple, and fast enough for thousands of requests; it also makes multi-item orders atomic.
/// Provisioning progress is derived from timestamps on read (<see cref="Advance"/>), so no timers are needed.
/// </summary>
public sealed class SimulatorState
{
    private readonly SimulatorOptions _options;
    private readonly RuntimeConfig _config;
    private readonly TimeProvider _clock;
    private readonly HashSet<Service> _provisioning = new();
    /// <summary>Services hanging off a product (VXCs at either end, IXs), by product UID, in attachment order.</summary>
    private Dictionary<string, List<Service>> _attachments = null!;
    private readonly List<Service> _order = new();

    public object Gate { get; } = new();

    /// <param name="saved">What a state file held: it replaces the seed's services, keys and next product id.</param>
    public SimulatorState(SimulatorOptions options, RuntimeConfig config, TimeProvider clock, StateFile.Saved? saved = null)
    {
        _options = options;
        _config = config;
        _clock = clock;
        Load(SeedData.Build(options.Scale), saved);
    }

    public Company Account { get; private set; } = null!;
    public List<Location> Locations { get; private set; } = null!;
    public Dictionary<int, Location> LocationsById { get; private set; } = null!;
    public List<PartnerPort> Partners { get; private set; } = null!;
    public Dictionary<string, PartnerPort> PartnersByUid { get; private set; } = null!;
    /// <summary>All of the account's services (every kind) by UID.</summary>
    public Dictionary<string, Service> Services { get; private set; } = null!;
    /// <summary>Every service in the order it was added (the state file keeps that order).</summary>
    public IReadOnlyList<Service> InOrder => _order;
    /// <summary>Ports, MCRs, MVEs and MegaDirects in creation order: the rows of <c>/v2/products</c>.</summary>
    public List<PortLikeService> TopLevel { get; private set; } = null!;
    public Dictionary<string, CspKey> CspKeys { get; private set; } = null!;
    public Dictionary<string, ServiceKey> ServiceKeys { get; private set; } = null!;
    public int NextProductId { get; set; }

    /// <summary>Bumped on every change; keys the cached <c>/v2/products</c> body.</summary>
    public long Version { get; private set; }
    public byte[]? ProductsCache { get; set; }
    public long ProductsCacheVersion { get; set; } = -1;

    public long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();
    public RuntimeConfig Config => _config;

    public void Reset()
    {
        lock (Gate) Load(SeedData.Build(_options.Scale));
    }

    private void Load(SeedData seed, StateFile.Saved? saved = null)
    {
        Account = seed.Account;
        Locations = seed.Locations;
        LocationsById = seed.Locations.ToDictionary(l => l.Id);
        Partners = seed.Partners;
        PartnersByUid = seed.Partners.ToDictionary(p => p.ProductUid, StringComparer.OrdinalIgnoreCase);
        Services = new Dictionary<string, Service>(StringComparer.OrdinalIgnoreCase);
        TopLevel = new List<PortLikeService>();
        _attachments = new Dictionary<string, List<Service>>(StringComparer.OrdinalIgnoreCase);
        CspKeys = seed.CspKeys.ToDictionary(k => k.Provider + "/" + k.Key, StringComparer.OrdinalIgnoreCase);
        ServiceKeys = (saved?.Keys ?? seed.ServiceKeys).ToDictionary(k => k.Key, StringComparer.OrdinalIgnoreCase);
        NextProductId = saved?.NextProductId ?? seed.NextProductId;
        _provisioning.Clear();
        _order.Clear();
        foreach (var s in saved?.Services ?? seed.Services) Add(s);
        Changed();
    }

    public void Changed()
    {
        Version++;
    }

    /// <summary>Registers a new service and indexes it; a service with <see cref="Service.ProvisionStartMs"/> starts provisioning.</summary>
    public void Add(Service s)
    {
        Services.Add(s.Uid, s);
        _order.Add(s);
        if (s is PortLikeService p) TopLevel.Add(p);
        foreach (var uid in s.AttachedTo) Attach(uid, s);
        if (s.ProvisionStartMs is not null) _provisioning.Add(s);
        Changed();
    }

    private void Attach(string productUid, Service s)
    {
        if (!_attachments.TryGetValue(productUid, out var list)) _attachments[productUid] = list = new List<Service>();
        list.Add(s);
    }

    private void Detach(string productUid, Service s)
    {
        if (_attachments.TryGetValue(productUid, out var list)) list.Remove(s);
    }

    /// <summary>Changes what a service hangs off (a VXC end, an IX's port), keeping the attachment index right.</summary>
    public void Reattach(Service s, Action change)
    {
        foreach (var uid in s.AttachedTo.ToList()) Detach(uid, s);
        change();
        foreach (var uid in s.AttachedTo) Attach(uid, s);
        Changed();
    }

    public IReadOnlyList<Service> AttachedTo(string productUid) =>
        _attachments.TryGetValue(productUid, out var list) ? list : Array.Empty<Service>();

    /// <summary>(Re)starts the DEPLOYABLE → CONFIGURED → LIVE walk from now.</summary>
    public void StartProvisioning(Service s)
    {
        s.Status = ProvisioningStatus.Deployable;
        s.ProvisionStartMs = Now;
        _provisioning.Add(s);
        Changed();
    }

    /// <summary>Continues the walk from the status the service is in (CONFIGURED goes on to LIVE, not back to DEPLOYABLE).</summary>
    public void ResumeProvisioning(Service s)
    {
        var done = s.Status == ProvisioningStatus.Configured ? _config.ProvisionDelayMs : 0;
        s.ProvisionStartMs = Now - done;
        _provisioning.Add(s);
        Changed();
    }

    /// <summary>Stops any automatic progress (status forced, approval pending, cancelled...).</summary>
    public void StopProvisioning(Service s)
    {
        s.ProvisionStartMs = null;
        _provisioning.Remove(s);
        Changed();
    }

    /// <summary>Applies the time-based status changes that are due. Call under <see cref="Gate"/> before reads.</summary>
    public void Advance()
    {
        if (_provisioning.Count == 0) return;
        var now = Now;
        long delay = _config.ProvisionDelayMs;
        List<Service>? finished = null;
        foreach (var s in _provisioning)
        {
            var start = s.ProvisionStartMs ?? now;
            var elapsed = now - start;
            var target = elapsed >= 2 * delay ? ProvisioningStatus.Live
                : elapsed >= delay ? ProvisioningStatus.Configured
                : ProvisioningStatus.Deployable;
            if (target == s.Status) continue;
            s.Status = target;
            Version++;
            if (target == ProvisioningStatus.Live)
            {
                s.LiveDate = start + 2 * delay;
                s.ContractStartDate ??= s.LiveDate;
                (finished ??= new List<Service>()).Add(s);
            }
        }
        if (finished is null) return;
        foreach (var s in finished)
        {
            s.ProvisionStartMs = null;
            _provisioning.Remove(s);
        }
    }

    public int TakeProductId() => NextProductId++;

    /// <summary>VLANs held on a product by its live/provisioning/cancelled-but-not-yet-gone VXCs and IXs.</summary>
    public IEnumerable<(int Vlan, Service Holder)> VlansInUse(string productUid, Service? except = null)
    {
        foreach (var s in AttachedTo(productUid))
        {
            if (ReferenceEquals(s, except) || s.Status is ProvisioningStatus.Decommissioned or ProvisioningStatus.Failed) continue;
            foreach (var vlan in s.VlansOn(productUid)) yield return (vlan, s);
        }
    }
}
