using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Megaport.Simulator.Products;

namespace Megaport.Simulator.State;

/// <summary>
/// How the state file writes services and keys: every member that can be set back (computed ones such as
/// <see cref="Service.Kind"/> or a port's LAG fields are derived again), read-only lists filled in place, and a
/// service's kind (its registered <see cref="ProductKind.Type"/>) in <c>$kind</c>, so a new kind persists once registered.
/// </summary>
public static class StateJson
{
    public static readonly JsonSerializerOptions Options = Build();

    public static string Write(Service s) => JsonSerializer.Serialize(s, Options);
    public static Service Read(string json) => JsonSerializer.Deserialize<Service>(json, Options)!;
    public static string Write(ServiceKey k) => JsonSerializer.Serialize(k, Options);
    public static ServiceKey ReadKey(string json) => JsonSerializer.Deserialize<ServiceKey>(json, Options)!;
    public static string Write(List<ManagedCompany> companies) => JsonSerializer.Serialize(companies, Options);
    public static List<ManagedCompany> ReadManagedCompanies(string json) => JsonSerializer.Deserialize<List<ManagedCompany>>(json, Options)!;

    private static JsonSerializerOptions Build()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object) return;
            foreach (var p in info.Properties.ToList())
            {
                if (p.Set is not null) continue;
                var list = p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>);
                if (list) p.ObjectCreationHandling = JsonObjectCreationHandling.Populate;
                else info.Properties.Remove(p);
            }
            if (info.Type != typeof(Service)) return;
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "$kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            };
            foreach (var kind in ProductRegistry.Default.All) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind.Model, kind.Type));
        });
        return new JsonSerializerOptions { TypeInfoResolver = resolver, WriteIndented = false };
    }
}
