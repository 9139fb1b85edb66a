using System.Text.Json;
using System.Text.Json.Nodes;
using Megaport.Simulator.Admin;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;
using Megaport.Simulator.Validation;

namespace Megaport.Simulator.Endpoints;

/// <summary>
/// The network-design order flow: <c>POST /v3/networkdesign/validate</c> (bare item array → priced line items)
/// and <c>POST /v4/networkdesign/buy</c> (<c>{networkDesign, discountCodes}</c> → new services, all or nothing).
/// </summary>
public static class OrderEndpoints
{
    public static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static void MapOrders(this WebApplication app, SimulatorContext sim)
    {
        app.MapPost("/v3/networkdesign/validate", async (HttpContext ctx) =>
        {
            var (body, parseError) = await ReadBodyAsync(ctx);
            if (parseError is not null) return Record(sim, "validate", body, parseError, []);
            if (body is not JsonArray items)
                return Record(sim, "validate", body, Api.BadRequest("Validation failed",
                    "The validate request body must be a JSON array of order items"), []);
            lock (sim.State.Gate)
            {
                sim.State.Advance();
                try
                {
                    var plan = OrderValidator.Validate(sim.State, items);
                    return Record(sim, "validate", body, Api.Ok("Validation passed", w => WriteLineItems(w, plan)), []);
                }
                catch (OrderValidationException ex)
                {
                    return Record(sim, "validate", body, Api.BadRequest("Validation failed", ex.Message), []);
                }
            }
        });

        app.MapPost("/v4/networkdesign/buy", async (HttpContext ctx) =>
        {
            var (body, parseError) = await ReadBodyAsync(ctx);
            if (parseError is not null) return Record(sim, "buy", body, parseError, []);
            // v4 wraps the design; the bare array of the old /v3 buy is refused.
            if (body is not JsonObject wrapper || wrapper["networkDesign"] is not JsonArray items)
                return Record(sim, "buy", body, Api.BadRequest("Invalid request",
                    "The buy request body must be an object: {\"networkDesign\":[...],\"discountCodes\":[]}"), []);
            if (wrapper["discountCodes"] is { } codes && codes is not JsonArray)
                return Record(sim, "buy", body, Api.BadRequest("Invalid request", "discountCodes must be an array"), []);
            lock (sim.State.Gate)
            {
                sim.State.Advance();
                List<PlannedService> plan;
                try
                {
                    plan = OrderValidator.Validate(sim.State, items);
                }
                catch (OrderValidationException ex)
                {
                    return Record(sim, "buy", body, Api.BadRequest("Validation failed", ex.Message), []);
                }
                Commit(sim.State, plan);
                sim.Stats.CountBuyExecuted();
                var result = Api.Ok(BuyMessage(plan), w =>
                {
                    w.WriteStartArray();
                    foreach (var p in plan)
                    {
                        if (p.Service is VxcService v) WriteVxcOrder(w, sim.State, v, p);
                        else
                        {
                            w.WriteStartObject();
                            w.WriteString("technicalServiceUid", p.Service.Uid);
                            w.WriteEndObject();
                        }
                    }
                    w.WriteEndArray();
                });
                return Record(sim, "buy", body, result, plan.Select(p => p.Service.Uid).ToList());
            }
        });
    }

    private static async Task<(JsonNode? Body, ApiResult? Error)> ReadBodyAsync(HttpContext ctx)
    {
        try
        {
            var node = await JsonNode.ParseAsync(ctx.Request.Body, CaseInsensitive, cancellationToken: ctx.RequestAborted);
            return node is null ? (null, Api.BadRequest("Invalid request", "The request body is empty")) : (node, null);
        }
        catch (JsonException ex)
        {
            return (null, Api.BadRequest("Invalid request", "Malformed JSON: " + ex.Message));
        }
    }

    private static ApiResult Record(SimulatorContext sim, string kind, JsonNode? body, ApiResult result, IReadOnlyList<string> created)
    {
        sim.Orders.Add(new OrderRecord(sim.Clock.GetUtcNow(), kind, result.Status, body?.DeepClone(), created));
        return result;
    }

    /// <summary>Adds the planned services to the state; they start provisioning now (or wait for approval).</summary>
    private static void Commit(SimulatorState state, List<PlannedService> plan)
    {
        var now = state.Now;
        var lagIds = new Dictionary<int, int>();
        foreach (var p in plan)
        {
            var s = p.Service;
            s.ProductId = state.TakeProductId();
            s.CreateDate = now;
            if (p.LagGroup != 0 && s is PortService port)
            {
                // Members share the primary's id as aggregationId/lagId.
                if (!lagIds.TryGetValue(p.LagGroup, out var lagId)) lagIds[p.LagGroup] = lagId = s.ProductId;
                port.AggregationId = port.LagId = lagId;
            }
            state.Add(s);
            if (p.ApprovalMessage is not null && s is VxcService v) Lifecycle.HoldForApproval(state, v, p.ApprovalMessage);
            else state.StartProvisioning(s);
            if (p.Key is { } key)
            {
                key.LastUsed = now;
                if (key.SingleUse) key.Active = false;
            }
        }
    }

    private static string BuyMessage(List<PlannedService> plan)
    {
        if (plan.Count != 1) return $"{plan.Count} services created.";
        var s = plan[0].Service;
        var kind = s switch { VxcService => "VXC", IxService => "IX", McrService => "MCR", MveService => "MVE", _ => "Port" };
        return $"{kind} [{s.Uid}] created.";
    }

    private static void WriteLineItems(Utf8JsonWriter w, List<PlannedService> plan)
    {
        w.WriteStartArray();
        foreach (var p in plan)
        {
            w.WriteStartObject();
            w.WriteStringOrNull("productUid", p.LineProductUid);
            w.WriteString("productType", p.LineType);
            w.WriteString("serviceName", p.Service.Name);
            w.WriteString("string", p.Metro); // the API really names the metro key "string"
            w.WritePropertyName("price");
            p.Price.Write(w);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The VXC buy confirmation: a big order record whose vxcJTechnicalServiceUid is the new VXC.</summary>
    private static void WriteVxcOrder(Utf8JsonWriter w, SimulatorState state, VxcService v, PlannedService p)
    {
        var a = (PortLikeService)state.Services[v.A.ProductUid];
        var bOwn = state.Services.GetValueOrDefault(v.B.ProductUid) as PortLikeService;
        var partner = state.PartnersByUid.GetValueOrDefault(v.B.ProductUid);
        var bCompany = bOwn?.Company ?? partner!.Company;
        var approved = v.Approval is null;
        var aLoc = state.LocationsById[a.LocationId];

        w.WriteStartObject();
        w.WriteNumber("createDate", v.CreateDate);
        w.WriteNumber("vxcOrderId", v.ProductId);
        w.WriteNumber("payerMegaPortId", a.ProductId);
        w.WriteNumber("nonPayerMegaPortId", bOwn?.ProductId ?? partner!.ProductId);
        w.WriteString("payerMegaPortName", a.Name);
        w.WriteStringOrNull("nonPayerMegaPortName", bOwn?.Name ?? partner?.Title);
        w.WriteNumber("payerCompanyId", a.Company.Id);
        w.WriteNumber("nonPayerCompanyId", bCompany.Id);
        w.WriteNumber("payerLocationId", a.LocationId);
        w.WriteNumber("nonPayerLocationId", bOwn?.LocationId ?? partner!.LocationId);
        w.WriteNull("salesId");
        w.WriteString("payerCompanyName", a.Company.Name);
        w.WriteString("nonPayerCompanyName", bCompany.Name);
        w.WriteNumber("payerMegaPortNsId", a.ProductId);
        w.WriteNumber("nonPayerMegaPortNsId", bOwn?.ProductId ?? partner!.ProductId);
        w.WriteNumber("payerVlanId", v.A.Vlan);
        w.WriteNumber("nonPayerVlanId", v.B.Vlan);
        w.WriteNumberOrNull("payerInnerVlanId", v.A.InnerVlan);
        w.WriteNumberOrNull("nonPayerInnerVlanId", v.B.InnerVlan);
        w.WriteString("payerApproverName", "API user");
        w.WriteNumber("payerApproverId", 1);
        w.WriteStringOrNull("nonPayerApproverName", approved ? "API user" : null);
        w.WriteNumberOrNull("nonPayerApproverId", approved ? 1 : null);
        w.WriteNumber("payerApproval", 1);
        w.WriteNumber("nonPayerApproval", approved ? 1 : 0);
        w.WriteBoolean("fixedTerm", v.Term > 1);
        w.WriteNumber("duration", v.Term);
        w.WriteBoolean("rollover", true);
        w.WriteString("serviceName", v.Name);
        w.WriteString("payerStatus", "APPROVED");
        w.WriteString("nonPayerStatus", approved ? "APPROVED" : "PENDING");
        w.WriteNumber("speed", v.RateLimit);
        w.WriteString("distanceBand", v.DistanceBand);
        w.WriteString("intercapPath", "");
        w.WriteNull("awsId");
        w.WriteStringOrNull("promoCode", v.PromoCode);
        w.WriteNull("dealUid");
        w.WriteString("rateType", "MONTHLY");
        w.WriteNumber("vxcJTechnicalServiceId", v.ProductId);
        w.WriteString("vxcJTechnicalServiceUid", v.Uid);
        w.WriteNumber("provisionDate", v.CreateDate);
        w.WriteString("orderType", "NEW");
        w.WriteNull("monthlyDiscountAmount");
        w.WriteNull("discountMonths");
        w.WriteNull("amazonDirectConnectConfigDto");
        w.WriteNull("amsixConnectConfigDto");
        w.WriteNull("sdrcProvItem");
        w.WriteNull("rate");
        w.WriteNull("setup");
        w.WriteNull("asn");
        w.WriteNull("bgpPassword");
        w.WriteString("usageAlgorithm", ProductJson.UsageAlgorithmFor(v.DistanceBand));
        w.WriteString("costCentre", v.CostCentre);
        w.WriteStringOrNull("azureServiceKey", partner?.ConnectType == "AZURE" ? v.BPartnerConfig?["serviceKey"]?.ToString() : null);
        w.WriteStringOrNull("oracleVirtualCircuitId", partner?.ConnectType == "ORACLE" ? v.BPartnerConfig?["virtualCircuitId"]?.ToString() : null);
        w.WriteStringOrNull("serviceKey", v.ServiceKey);

        w.WriteStartObject("vxc");
        w.WriteString("serviceName", v.Name);
        w.WriteString("name", v.Name);
        w.WriteNull("secondaryName");
        w.WriteNumber("technicalServiceId", v.ProductId);
        w.WriteString("technicalServiceUid", v.Uid);
        w.WriteNumber("requestedDate", v.CreateDate);
        w.WriteNull("configuredDate");
        w.WriteNull("currentEstimatedDelivery");
        w.WriteString("companyName", v.Company.Name);
        w.WriteNumber("companyId", v.Company.Id);
        foreach (var k in new[] { "billingContactName", "billingContactId", "adminContactName", "adminContactId", "technicalContactName", "technicalContactId", "salesName", "salesId" })
            w.WriteNull(k);
        w.WriteNumber("billableId", v.ProductId);
        w.WriteNull("billableUsageAlgorithm");
        w.WriteString("productType", "VXC");
        w.WriteString("provisioningStatus", ProvisioningStatus.Deployable);
        w.WriteNull("failedReason");
        w.WriteNull("inAdvanceBillingStatus");
        w.WriteStartArray("provisioningItems"); w.WriteEndArray();
        w.WriteStartArray("tags"); w.WriteEndArray();
        w.WriteString("vxcDistanceBand", v.DistanceBand);
        w.WriteString("intercapPath", "");
        w.WriteBoolean("marketplaceVisibility", true);
        w.WriteBoolean("vxcPermitted", true);
        w.WriteBoolean("vxcAutoApproval", false);
        w.WriteNumber("createDate", v.CreateDate);
        w.WriteNull("terminationDate");
        w.WriteNull("contractStartDate");
        w.WriteNull("contractEndDate");
        w.WriteNumber("contractTermMonths", v.Term);
        w.WriteString("rateType", "MONTHLY");
        w.WriteBoolean("trialAgreement", false);
        foreach (var k in new[] { "payerCompanyId", "nonPayerCompanyId", "minimumSpeed", "maximumSpeed" }) w.WriteNull(k);
        w.WriteNumber("rateLimit", v.RateLimit);
        foreach (var k in new[] { "errorMessage", "lagId", "aggregationId", "lagPrimary" }) w.WriteNull(k);
        w.WriteString("market", aLoc.Market);
        w.WriteNull("accountManager");
        w.WriteNull("promptUid");
        w.WriteStartArray("components"); w.WriteEndArray();
        w.WriteStartArray("attributes"); w.WriteEndArray();
        foreach (var k in new[] { "aLocation", "bLocation", "aMetro", "aCountry", "aLocationId", "bLocationId", "bMetro", "bCountry" }) w.WriteNull(k);
        w.WriteStartObject("attributeTags"); w.WriteEndObject();
        w.WriteString("createdBy", v.CreatedBy);
        w.WriteNull("buyoutPort");
        w.WriteBoolean("virtual", false);
        w.WriteBoolean("locked", false);
        w.WriteBoolean("adminLocked", false);
        w.WriteBoolean("bgpShutdownDefault", false);
        w.WriteNull("originDomain");
        w.WriteEndObject();

        w.WriteStringOrNull("connectType", partner?.ConnectType);
        w.WritePropertyName("payerConfig");
        if (v.APartnerConfig is null) { w.WriteStartObject(); w.WriteEndObject(); } else v.APartnerConfig.WriteTo(w);
        w.WritePropertyName("nonPayerConfig");
        if (v.BPartnerConfig is null) { w.WriteStartObject(); w.WriteEndObject(); } else v.BPartnerConfig.WriteTo(w);
        w.WriteStartObject("attributeTags"); w.WriteEndObject();
        w.WriteNull("serviceLicense");
        w.WriteNull("originDomain");
        w.WriteBoolean("fullyApproved", approved);
        w.WriteEndObject();
    }
}
