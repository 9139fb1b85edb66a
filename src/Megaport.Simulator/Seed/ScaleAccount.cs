using System.Text.Json.Nodes;
using Megaport.Simulator.Products;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>
/// The big generated account of <c>--scale</c>: ports spread over every active location, and VXCs between
/// the account's own ports (about 70%) or to cloud/Internet partner ports. Deterministic (fixed random seed).
/// </summary>
public static class ScaleAccount
{
    public static List<Service> Build(ScaleOptions scale, List<Location> locations, List<PartnerPort> partners, out int nextProductId)
    {
        var rng = new Random(20240601);
        var company = SeedIds.DemoCompany;
        var created = 1690000000000L;
        var active = locations.Where(l => l.IsActive && l.Red is not null).ToList();
        var targets = partners.Where(p => p.VxcPermitted && p.ConnectType is "AWSHC" or "TRANSIT").ToList();
        var services = new List<Service>(scale.Ports + scale.Vxcs);
        var ports = new List<PortService>(scale.Ports);
        var nextVlan = new Dictionary<string, int>();
        var id = 200001;

        for (var i = 0; i < scale.Ports; i++)
        {
            var loc = active[i % active.Count];
            var port = new PortService
            {
                Uid = SeedIds.Derive($"scale/port/{i}"), ProductId = id++, Name = $"scale-port-{i + 1:D5}", LocationId = loc.Id,
                Market = loc.Market, Speed = 10000, DiversityZone = "red", Company = company, CreatedBy = SeedIds.DemoUser,
                CreateDate = created + i * 1000L, LiveDate = created + i * 1000L + 86_400_000, ContractStartDate = created, Term = 12,
            };
            ports.Add(port);
            services.Add(port);
            nextVlan[port.Uid] = 2;
        }

        int TakeVlan(string uid)
        {
            var v = nextVlan[uid];
            if (v > 4093) return -1;
            nextVlan[uid] = v + 1;
            return v;
        }

        for (var i = 0; i < scale.Vxcs && ports.Count > 0; i++)
        {
            var a = ports[rng.Next(ports.Count)];
            var aVlan = TakeVlan(a.Uid);
            if (aVlan < 0) continue; // this port is full; skip (only with absurd vxcs/ports ratios)
            var toOwn = ports.Count > 1 && (rng.NextDouble() < 0.7 || targets.Count == 0);
            string bUid;
            int bVlan = 0;
            JsonObject? config = null;
            if (toOwn)
            {
                var b = ports[rng.Next(ports.Count)];
                if (b == a) b = ports[(ports.IndexOf(a) + 1) % ports.Count];
                bVlan = TakeVlan(b.Uid);
                if (bVlan < 0) continue;
                bUid = b.Uid;
            }
            else
            {
                var p = targets[rng.Next(targets.Count)];
                bUid = p.ProductUid;
                config = p.ConnectType == "TRANSIT"
                    ? new JsonObject { ["connectType"] = "TRANSIT" }
                    : new JsonObject { ["connectType"] = "AWSHC", ["ownerAccount"] = "123456789012", ["name"] = $"scale-hc-{i}" };
            }
            services.Add(new VxcService
            {
                Uid = SeedIds.Derive($"scale/vxc/{i}"), ProductId = id++, Name = $"scale-vxc-{i + 1:D6}", Company = company,
                CreatedBy = SeedIds.DemoUser, CreateDate = created + i * 500L, LiveDate = created + i * 500L + 3_600_000,
                ContractStartDate = created, Term = 12, RateLimit = 100 + rng.Next(10) * 100, DistanceBand = "METRO",
                A = new VxcEnd { ProductUid = a.Uid, Vlan = aVlan }, B = new VxcEnd { ProductUid = bUid, Vlan = bVlan },
                BPartnerConfig = config, CloudResourceId = config is null ? "" : $"dxcon-scale{i:x6}",
            });
        }
        nextProductId = id;
        return services;
    }
}
