using Megaport.Simulator.Products;
using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>
/// The demo partner's managed companies, and what one of them owns: a port only visible when acting for it
/// (<c>X-Call-Context</c>), so runbooks written for a partner can be tried offline.
/// </summary>
public static class ManagedCompanies
{
    public static List<ManagedCompany> Build() =>
    [
        new(SeedIds.AcmeRetail, "ACME-001"),
        new(SeedIds.BlueHarbour, "BHL-7731"),
    ];

    /// <summary>Acme Retail Group's own port (Blue Harbour has nothing yet).</summary>
    public static List<Service> Services()
    {
        const long created = 1_693_526_400_000; // 2023-09-01T00:00:00Z
        return
        [
            new PortService
            {
                Uid = SeedIds.AcmeSydneyPort, ProductId = 159001, Name = "Acme Sydney Port", LocationId = 3, Market = "AU",
                Speed = 1000, DiversityZone = "red", Company = SeedIds.AcmeRetail, CreatedBy = SeedIds.DemoUser,
                CreateDate = created, LiveDate = created + 86_400_000, ContractStartDate = created + 86_400_000, Term = 12,
                MarketplaceVisibility = false,
            },
        ];
    }
}
