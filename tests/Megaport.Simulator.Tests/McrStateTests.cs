using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;
using static Megaport.Simulator.Tests.Mcr;

namespace Megaport.Simulator.Tests;

/// <summary>
/// Prefix lists, add-ons and vRouter configs are plain model state: settable members and lists on the services, so a
/// serializer that keeps only those (as a state file does) brings them back whole.
/// </summary>
public class McrStateTests
{
    private static readonly JsonSerializerOptions Reflective = Build();

    private static JsonSerializerOptions Build()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object) return;
            foreach (var p in info.Properties.ToList())
            {
                if (p.Set is not null) continue;
                if (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>))
                    p.ObjectCreationHandling = JsonObjectCreationHandling.Populate;
                else info.Properties.Remove(p);
            }
        });
        return new JsonSerializerOptions { TypeInfoResolver = resolver };
    }

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Reflective), Reflective)!;

    [Fact]
    public async Task Mcr_and_vxc_state_survives_a_reflective_round_trip()
    {
        await using var sim = await TestSim.StartAsync();
        await sim.CreateListAsync(SeedIds.SydneyMcr, PrefixList("v6", "IPv6", Entry("deny", "2001:db8::/32", 48, 64)));
        await sim.AddIpsecAsync(SeedIds.SydneyMcr, 20);
        var vxc = await sim.BuyVxcAsync(IpsecVxc(SeedIds.SydneyMcr, 2));
        lock (sim.Context.State.Gate)
        {
            var mcr = (McrService)sim.Context.State.Services[SeedIds.SydneyMcr];
            var back = RoundTrip(mcr);
            Assert.Equal(JsonSerializer.Serialize(mcr.PrefixLists), JsonSerializer.Serialize(back.PrefixLists));
            Assert.Equal(2, back.PrefixLists.Count);
            Assert.Equal(mcr.LastPrefixListId, back.LastPrefixListId);
            Assert.Equal(mcr.AddOns, back.AddOns);
            Assert.Equal(20, back.IpsecTunnelLimit);
            Assert.Equal(48, back.FindPrefixList(mcr.LastPrefixListId)!.Entries[0].Ge);

            var v = (VxcService)sim.Context.State.Services[vxc];
            var vBack = RoundTrip(v);
            Assert.Equal(v.APartnerConfig!.ToJsonString(), vBack.APartnerConfig!.ToJsonString());
            Assert.Equal(2, VxcVRouterRules.TunnelCount(vBack.APartnerConfig));
        }
    }
}
