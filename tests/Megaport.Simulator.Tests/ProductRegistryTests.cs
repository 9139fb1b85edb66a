using System.Text.Json.Nodes;
using Megaport.Simulator.Http;
using Megaport.Simulator.Products;
using Megaport.Simulator.Seed;

namespace Megaport.Simulator.Tests;

/// <summary>The product registry: every kind is registered completely, and a kind that is not registered fails loudly.</summary>
public class ProductRegistryTests
{
    private static readonly ProductRegistry Registry = ProductRegistry.Default;

    /// <summary>A valid order item per orderable kind; a new orderable kind must add one here.</summary>
    private static JsonObject SampleOrder(string type) => type switch
    {
        "MEGAPORT" => Orders.Port(),
        "MCR2" => Orders.Mcr(),
        "MVE" => Orders.Mve(),
        "VXC" => Orders.Vxc(SeedIds.SydneyPrimary, SeedIds.SydneySecondary),
        "IX" => Orders.Ix(SeedIds.SydneyPrimary),
        "NAT_GATEWAY" => Orders.NatGatewayLine(),
        _ => throw new ArgumentException($"no sample order for {type}: add one"),
    };

    private sealed class Toaster : Service;

    [Fact]
    public void Every_service_class_is_registered_once()
    {
        var models = typeof(Service).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Service)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(models);
        foreach (var model in models) Assert.Same(model, Registry.Of(model).Model);
        Assert.Equal(models.Count, Registry.All.Count);
        Assert.Equal(["MEGAPORT", "VXC", "IX", "MCR2", "MVE", "MEGADIRECT", "NAT_GATEWAY"], Registry.All.Select(k => k.Type));
    }

    /// <summary>Orderable kinds render a service just bought from their sample order; read-only kinds a seeded one.</summary>
    [Fact]
    public async Task Every_registered_kind_renders()
    {
        await using var sim = await TestSim.StartAsync();
        var state = sim.Context.State;
        foreach (var kind in Registry.All)
        {
            // A kind bought as a design is created first, then bought by UID with the v3 buy.
            var bought = !kind.Order.Orderable ? null
                : kind.Order.BuysDesigns ? await sim.BuyDesignsOk(await sim.NatDesignOk())
                : await sim.BuyOk(SampleOrder(kind.Type));
            string uid;
            byte[] body;
            lock (state.Gate)
            {
                var s = bought is null
                    ? state.Services.Values.FirstOrDefault(x => x.Descriptor == kind)
                    : state.Services[(bought[0]!["vxcJTechnicalServiceUid"] ?? bought[0]!["technicalServiceUid"] ?? bought[0]!["uid"])!.GetValue<string>()];
                Assert.True(s is not null, $"the demo account has no {kind.Type}");
                Assert.Same(kind, s.Descriptor);
                uid = s.Uid;
                body = Api.Write(w => sim.Context.Json.WriteProduct(w, s));
            }
            var json = JsonNode.Parse(body)!;
            Assert.Equal(uid, json["productUid"]!.GetValue<string>());
            Assert.Equal(kind.Type, json["productType"]!.GetValue<string>(), ignoreCase: true);
            Assert.Equal(uid, (await sim.ProductAsync(uid))["productUid"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Every_registered_kind_has_an_order_rule_an_update_path_and_words()
    {
        await using var sim = await TestSim.StartAsync();
        foreach (var kind in Registry.All)
        {
            Assert.NotNull(kind.Order);
            Assert.False(string.IsNullOrWhiteSpace(kind.Word), kind.Type);
            Assert.False(string.IsNullOrWhiteSpace(kind.EndWord), kind.Type);

            // Read-only kinds declare so explicitly: not orderable and no PUT route.
            if (kind.UpdatePath is null)
            {
                Assert.False(kind.Order.Orderable, $"{kind.Type} is orderable but has no update path");
                continue;
            }
            var (status, json) = await sim.PutAsync(kind.UpdatePath.Replace("{uid}", "nope"), new { name = "x" });
            Assert.Equal(400, status);
            Assert.Equal("Could not find a service with UID nope", json!["message"]!.GetValue<string>());

            Assert.True(kind.Order.Orderable, $"{kind.Type} has an update path but no order rule");
            var (vs, vj) = await sim.PostAsync("/v3/networkdesign/validate", Orders.Design(SampleOrder(kind.Type)).ToJsonString());
            Assert.True(vs == 200, $"validate {kind.Type} -> {vs}: {vj?.ToJsonString()}");
            Assert.All(vj!["data"]!.AsArray(), line => Assert.Equal(kind.Type, line!["productType"]!.GetValue<string>()));
        }
        Assert.Equal(["MEGADIRECT"], Registry.All.Where(k => k.UpdatePath is null).Select(k => k.Type));
    }

    [Fact]
    public async Task Order_errors_list_the_registered_kinds()
    {
        await using var sim = await TestSim.StartAsync();
        var detail = await sim.BothFail(new JsonObject { ["productName"] = "x" });
        Assert.Equal("Item 1 (x): productType is required (MEGAPORT, MCR2, MVE or NAT_GATEWAY), or give associatedVxcs / associatedIxs", detail);
        Assert.Equal(["MEGAPORT", "MCR2", "MVE", "NAT_GATEWAY"], Registry.OrderableItems.Select(k => k.Type));
        Assert.Equal(["associatedVxcs", "associatedIxs"], Registry.OrderableAttached.Select(k => k.AttachedAs));
    }

    [Fact]
    public async Task An_unregistered_kind_fails_loudly()
    {
        var toaster = new Toaster { Uid = "0badc0de-0000-4000-8000-000000000001", Name = "toaster", Company = SeedIds.DemoCompany };
        var ex = Assert.Throws<InvalidOperationException>(() => Registry.Of(toaster));
        Assert.Contains("Toaster is not a registered product kind", ex.Message);
        Assert.Throws<InvalidOperationException>(() => toaster.Kind);

        await using var sim = await TestSim.StartAsync();
        Assert.Throws<InvalidOperationException>(() => Api.Write(w => sim.Context.Json.WriteProduct(w, toaster)));
        lock (sim.Context.State.Gate) sim.Context.State.Add(toaster);
        var (status, json) = await sim.CallAsync(HttpMethod.Get, "/v2/product/" + toaster.Uid);
        Assert.Equal(500, status);
        Assert.Contains("not a registered product kind", json!["data"]!.GetValue<string>());
    }

    [Fact]
    public void A_registry_refuses_a_kind_or_route_twice()
    {
        Assert.Throws<ArgumentException>(() => new ProductRegistry(PortProduct.Kind, PortProduct.Kind));
        var second = new ProductKind<Toaster>
        {
            Type = "MEGAPORT", Word = "Toaster", Write = (_, _, _) => { }, Order = OrderRule.None,
            Update = UpdateRule<Toaster>.ReadOnly, CancelLater = (_, _) => null, Telemetry = null,
        };
        Assert.Contains("type MEGAPORT", Assert.Throws<ArgumentException>(() => new ProductRegistry(PortProduct.Kind, second)).Message);
    }
}
