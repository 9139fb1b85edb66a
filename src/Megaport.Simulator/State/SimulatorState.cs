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

    /// <summary>The API key's own company: a partner, which may act for the companies it manages.</summary>
    public Company Partner { get; private set; } = null!;

    /// <summary>
    /// The company the current request acts for: a managed company named by its <c>X-Call-Context</c> header, else
    /// the partner. Everything a request sees or makes belongs to it (see <see cref="ActFor"/>).
    /// </summary>
    public Company Account => _actingFor.Value ?? Partner;

    private readonly AsyncLocal<Company?> _actingFor = new();

    /// <summary>The partner's managed companies by company UID (<c>/v2/managedCompanies</c>).</summary>
    public Dictionary<string, ManagedCompany> ManagedCompanies { get; private set; } = null!;

    /// <summary>Makes the rest of this request (its async flow) act for <paramref name="company"/>.</summary>
    public void ActFor(Company company) => _actingFor.Value = company;

    public List<Location> Locations { get; private set; } = null!;
    public Dictionary<int, Location> LocationsById { get; private set; } = null!;
    public List<PartnerPort> Partners { get; private set; } = null!;
    public Dictionary<string, PartnerPort> PartnersByUid { get; private set; } = null!;
    /// <summary>Every company's services (every kind) by UID: for the admin API and the state file only.</summary>
    public Dictionary<string, Service> AllServices { get; private set; } = null!;
    /// <summary>The services of the company acting (<see cref="Account"/>): another company's are not found.</summary>
    public CompanyServices Services => new(AllServices, Account.Uid);
    /// <summary>Every service in the order it was added (the state file keeps that order).</summary>
    public IReadOnlyList<Service> InOrder => _order;
    private List<PortLikeService> _topLevel = null!;
    /// <summary>The acting company's ports, MCRs, MVEs and MegaDirects in creation order: the rows of <c>/v2/products</c>.</summary>
    public IEnumerable<PortLikeService> TopLevel
    {
        get
        {
            var uid = Account.Uid;
            return _topLevel.Where(p => p.Company.Uid == uid);
        }
    }
    /// <summary>Every company's top-level services (ids that must be unique across companies).</summary>
    public IReadOnlyList<PortLikeService> AllTopLevel => _topLevel;
    public Dictionary<string, CspKey> CspKeys { get; private set; } = null!;
    public Dictionary<string, ServiceKey> ServiceKeys { get; private set; } = null!;
    public int NextProductId { get; set; }

    /// <summary>Bumped on every change; keys the cached <c>/v2/products</c> body.</summary>
    public long Version { get; private set; }
    public byte[]? ProductsCache { get; set; }
    public long ProductsCacheVersion { get; set; } = -1;
    public string? ProductsCacheCompany { get; set; }

    public long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();
    public RuntimeConfig Config => _config;

    public void Reset()
    {
        lock (Gate) Load(SeedData.Build(_options.Scale));
    }

    private void Load(SeedData seed, StateFile.Saved? saved = null)
    {
        Partner = seed.Account;
        ManagedCompanies = (saved?.ManagedCompanies ?? seed.ManagedCompanies).ToDictionary(m => m.Company.Uid, StringComparer.OrdinalIgnoreCase);
        Locations = seed.Locations;
        LocationsById = seed.Locations.ToDictionary(l => l.Id);
        Partners = seed.Partners;
        PartnersByUid = seed.Partners.ToDictionary(p => p.ProductUid, StringComparer.OrdinalIgnoreCase);
        AllServices = new Dictionary<string, Service>(StringComparer.OrdinalIgnoreCase);
        _topLevel = new List<PortLikeService>();
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
        AllServices.Add(s.Uid, s);
        _order.Add(s);
        if (s is PortLikeService p) _topLevel.Add(p);
        foreach (var uid in s.AttachedTo) Attach(uid, s);
        if (s.ProvisionStartMs is not null) _provisioning.Add(s);
        Changed();
    }

    /// <summary>Forgets a service entirely (a NAT gateway design that was never bought): every index, the state file's order too.</summary>
    public void Remove(Service s)
    {
        AllServices.Remove(s.Uid);
        _order.Remove(s);
        if (s is PortLikeService p) _topLevel.Remove(p);
        foreach (var uid in s.AttachedTo) Detach(uid, s);
        _provisioning.Remove(s);
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

    /// <summary>The company a call context names: the partner itself or one it manages; null for any other.</summary>
    public Company? CompanyFor(string companyUid) =>
        companyUid.Equals(Partner.Uid, StringComparison.OrdinalIgnoreCase) ? Partner
        : ManagedCompanies.TryGetValue(companyUid, out var m) ? m.Company : null;

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

/// <summary>One company's view of the services: lookups by UID that do not see other companies' services.</summary>
public readonly struct CompanyServices(Dictionary<string, Service> all, string companyUid)
{
    public bool TryGetValue(string uid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Service? service)
    {
        if (all.TryGetValue(uid, out service) && service.Company.Uid == companyUid) return true;
        service = null;
        return false;
    }

    public Service? GetValueOrDefault(string uid) => TryGetValue(uid, out var s) ? s : null;

    public bool ContainsKey(string uid) => TryGetValue(uid, out _);

    public Service this[string uid] => TryGetValue(uid, out var s) ? s : throw new KeyNotFoundException(uid);

    public IEnumerable<Service> Values
    {
        get
        {
            var uid = companyUid;
            return all.Values.Where(s => s.Company.Uid == uid);
        }
    }
}
