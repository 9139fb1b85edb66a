using System.Text.Json;
using Megaport.Simulator.Http;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Products;

/// <summary>
/// Writes services in the real API's shapes (field names and their inconsistent casing included): the kind's own
/// writer does the product, these are the parts every kind shares. Call under the state lock.
/// </summary>
public sealed class ProductJson(SimulatorState state)
{
    public SimulatorState State => state;

    public void WriteProduct(Utf8JsonWriter w, Service s) => s.Descriptor.Render(this, w, s);

    public void WriteCommonHead(Utf8JsonWriter w, Service s)
    {
        w.WriteNumber("productId", s.ProductId);
        w.WriteString("productUid", s.Uid);
        w.WriteString("productName", s.Name);
        w.WriteString("productType", s.ProductTypeLabel);
        w.WriteString("provisioningStatus", s.Status);
        w.WriteNumber("createDate", s.CreateDate);
        w.WriteString("createdBy", s.CreatedBy);
    }

    public void WriteContract(Utf8JsonWriter w, Service s)
    {
        w.WriteString("companyUid", s.Company.Uid);
        w.WriteString("companyName", s.Company.Name);
        w.WriteString("costCentre", s.CostCentre);
        w.WriteNumberOrNull("contractStartDate", s.ContractStartDate);
        w.WriteNumberOrNull("contractEndDate", s.ContractEndDate);
        w.WriteNumber("contractTermMonths", s.Term);
        w.WriteBoolean("locked", s.Locked);
        w.WriteBoolean("adminLocked", s.AdminLocked);
        w.WriteBoolean("cancelable", s.Status != ProvisioningStatus.Decommissioned);
    }

    public void WriteLocationDetail(Utf8JsonWriter w, int locationId)
    {
        w.WritePropertyName("locationDetail");
        if (state.LocationsById.TryGetValue(locationId, out var l))
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("city", l.City);
            w.WriteString("metro", l.Metro);
            w.WriteString("country", l.Country);
            w.WriteEndObject();
        }
        else w.WriteNullValue();
    }

    /// <summary>The services hanging off a product, one array per attached kind ("associatedVxcs", "associatedIxs").</summary>
    public void WriteAttached(Utf8JsonWriter w, string productUid)
    {
        var attached = state.AttachedTo(productUid);
        foreach (var kind in ProductRegistry.Default.Attached)
        {
            w.WriteStartArray(kind.AttachedAs!);
            foreach (var s in attached)
                if (s.Descriptor == kind) kind.Render(this, w, s);
            w.WriteEndArray();
        }
    }
}
