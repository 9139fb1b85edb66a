using Megaport.Simulator.Products;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>Everything the store starts from (and goes back to on <c>POST /_simulator/reset</c>).</summary>
public sealed class SeedData
{
    public required Company Account { get; init; }
    public required List<Location> Locations { get; init; }
    public required List<PartnerPort> Partners { get; init; }
    /// <summary>The account's services; VXCs/IXs after the products they attach to.</summary>
    public required List<Service> Services { get; init; }
    public required List<CspKey> CspKeys { get; init; }
    public required List<ServiceKey> ServiceKeys { get; init; }
    public required int NextProductId { get; init; }
    public required List<ManagedCompany> ManagedCompanies { get; init; }

    public static SeedData Build(ScaleOptions? scale)
    {
        var locations = SeedLocations.Build();
        var partners = SeedPartners.Build();
        if (scale is null)
        {
            var demo = DemoAccount.Build(partners);
            demo.AddRange(Seed.ManagedCompanies.Services());
            return new SeedData
            {
                Account = SeedIds.DemoCompany, Locations = locations, Partners = partners, Services = demo,
                CspKeys = SeedPartners.BuildCspKeys(), ServiceKeys = DemoAccount.BuildServiceKeys(),
                NextProductId = 160001, ManagedCompanies = Seed.ManagedCompanies.Build(),
            };
        }
        locations.AddRange(SeedLocations.Generate(scale.Locations, 10001));
        var services = ScaleAccount.Build(scale, locations, partners, out var nextId);
        return new SeedData
        {
            Account = SeedIds.DemoCompany, Locations = locations, Partners = partners, Services = services,
            CspKeys = SeedPartners.BuildCspKeys(), ServiceKeys = new List<ServiceKey>(), NextProductId = nextId,
            ManagedCompanies = Seed.ManagedCompanies.Build(),
        };
    }
}
