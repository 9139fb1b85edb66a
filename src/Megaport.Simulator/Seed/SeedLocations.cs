using Megaport.Simulator.State;

namespace Megaport.Simulator.Seed;

/// <summary>
/// Real Megaport data centres (names, metros, street addresses, coordinates). Location ids follow the real
/// API where known (2 = Equinix SY1, 3 = Global Switch Sydney); the rest are stable ids of our own.
/// Zone capabilities vary on purpose: some sites are red- or blue-only, some lack 100G in one zone,
/// a few big sites offer 400G, and a few locations are not Active.
/// </summary>
public static class SeedLocations
{
    private static readonly int[] Mcr4 = [1000, 2500, 5000, 10000];
    private static readonly int[] McrAll = [1000, 2500, 5000, 10000, 25000, 50000, 100000];
    private static readonly int[] Nat = [1000, 2500, 5000, 10000];

    // Zone profiles.
    private static Zone Big() => new([1000, 10000, 100000, 400000], McrAll, true, 12, Nat);
    private static Zone Std() => new([1000, 10000, 100000], Mcr4, true, null, Nat);
    private static Zone No100G() => new([1000, 10000], Mcr4, false, null, []);
    private static Zone Small() => new([1000, 10000], [1000, 2500, 5000], false, null, []);

    private sealed record Row(int Id, string Name, string Metro, string Market, string Street, string Suburb, string City,
        string State, string Postcode, string Country, int DcId, string DcName, double Lat, double Lon,
        string Profile, string Status = "Active", string? Message = null);

    // Profile: "big" (both zones with 400G), "std" (both zones, 100G), "redonly", "blueonly",
    // "no100gblue" (red has 100G, blue does not), "small" (both zones, up to 10G, no MVE).
    private static readonly Row[] Rows =
    [
        // Sydney (AU)
        new(2, "Equinix SY1", "Sydney", "AU", "639 Gardeners Road", "Mascot", "Sydney", "NSW", "2020", "Australia", 5, "Equinix", -33.921867, 151.18802, "std"),
        new(3, "Global Switch Sydney", "Sydney", "AU", "400 Harris Street", "Ultimo", "Sydney", "NSW", "2007", "Australia", 6, "Global Switch", -33.87555, 151.19783, "std"),
        new(4, "Equinix SY3", "Sydney", "AU", "47 Bourke Road", "Alexandria", "Sydney", "NSW", "2015", "Australia", 5, "Equinix", -33.91227, 151.19394, "big"),
        new(5, "NEXTDC S1", "Sydney", "AU", "4 Eden Park Drive", "Macquarie Park", "Sydney", "NSW", "2113", "Australia", 8, "NEXTDC", -33.77764, 151.12657, "std"),
        new(6, "NEXTDC S2", "Sydney", "AU", "1 Broughton Road", "Artarmon", "Sydney", "NSW", "2064", "Australia", 8, "NEXTDC", -33.81286, 151.18507, "no100gblue"),
        new(7, "Equinix SY4", "Sydney", "AU", "200 Bourke Road", "Alexandria", "Sydney", "NSW", "2015", "Australia", 5, "Equinix", -33.91606, 151.19180, "std"),
        new(8, "NEXTDC S3", "Sydney", "AU", "2 Broughton Road", "Artarmon", "Sydney", "NSW", "2064", "Australia", 8, "NEXTDC", -33.81390, 151.18620, "std", "Deployment", "Ports at NEXTDC S3 can be ordered from Q3; contact your account manager."),
        // Melbourne (AU)
        new(10, "NEXTDC M1", "Melbourne", "AU", "826 Lorimer Street", "Port Melbourne", "Melbourne", "VIC", "3207", "Australia", 8, "NEXTDC", -37.82324, 144.91412, "std"),
        new(11, "Equinix ME1", "Melbourne", "AU", "600 Lorimer Street", "Port Melbourne", "Melbourne", "VIC", "3207", "Australia", 5, "Equinix", -37.82235, 144.92063, "std"),
        new(12, "Equinix ME2", "Melbourne", "AU", "66 Lorimer Street", "Docklands", "Melbourne", "VIC", "3008", "Australia", 5, "Equinix", -37.82418, 144.94221, "redonly"),
        // Brisbane / Perth (AU)
        new(15, "NEXTDC B1", "Brisbane", "AU", "454 St Pauls Terrace", "Fortitude Valley", "Brisbane", "QLD", "4006", "Australia", 8, "NEXTDC", -27.45529, 153.03339, "std"),
        new(16, "Polaris Data Centre", "Brisbane", "AU", "12 Springfield Parkway", "Springfield Central", "Brisbane", "QLD", "4300", "Australia", 11, "Polaris", -27.67905, 152.90702, "small"),
        new(18, "NEXTDC P1", "Perth", "AU", "5 Kings Park Road", "West Perth", "Perth", "WA", "6005", "Australia", 8, "NEXTDC", -31.95512, 115.84288, "std"),
        // Auckland (NZ)
        new(20, "Vocus Albany", "Auckland", "NZ", "16 Saturn Place", "Albany", "Auckland", "AUK", "0632", "New Zealand", 12, "Vocus", -36.74040, 174.71180, "std"),
        new(21, "Spark Mayoral Drive", "Auckland", "NZ", "31 Airedale Street", "Auckland Central", "Auckland", "AUK", "1010", "New Zealand", 13, "Spark", -36.85390, 174.76110, "blueonly"),
        new(22, "CDC Silverdale", "Auckland", "NZ", "40 Highgate Parkway", "Silverdale", "Auckland", "AUK", "0932", "New Zealand", 14, "CDC Data Centres", -36.61360, 174.67310, "small"),
        // Singapore (SG)
        new(30, "Equinix SG1", "Singapore", "SG", "20 Ayer Rajah Crescent", "Ayer Rajah", "Singapore", "Singapore", "139964", "Singapore", 5, "Equinix", 1.29435, 103.78790, "big"),
        new(31, "Global Switch Singapore Tai Seng", "Singapore", "SG", "2 Tai Seng Avenue", "Tai Seng", "Singapore", "Singapore", "534408", "Singapore", 6, "Global Switch", 1.33670, 103.88730, "std"),
        new(32, "Digital Realty SIN10", "Singapore", "SG", "29A International Business Park", "Jurong East", "Singapore", "Singapore", "609934", "Singapore", 15, "Digital Realty", 1.32630, 103.74780, "std"),
        new(33, "Equinix SG2", "Singapore", "SG", "26A Ayer Rajah Crescent", "Ayer Rajah", "Singapore", "Singapore", "139963", "Singapore", 5, "Equinix", 1.29520, 103.78660, "no100gblue"),
        // Hong Kong (HK)
        new(40, "Equinix HK1", "Hong Kong", "HK", "17/F Kerry Warehouse, 3 Shing Yiu Street", "Kwai Chung", "Hong Kong", "New Territories", "", "Hong Kong", 5, "Equinix", 22.36330, 114.13090, "std"),
        new(41, "MEGA-i", "Hong Kong", "HK", "399 Chai Wan Road", "Chai Wan", "Hong Kong", "Hong Kong Island", "", "Hong Kong", 16, "iAdvantage", 22.26360, 114.23830, "std"),
        new(42, "Global Switch Hong Kong", "Hong Kong", "HK", "9-13 Kin Hong Street", "Kwai Chung", "Hong Kong", "New Territories", "", "Hong Kong", 6, "Global Switch", 22.35520, 114.13020, "redonly"),
        // Tokyo (JP)
        new(45, "Equinix TY2", "Tokyo", "JP", "6-4-6 Shinsuna", "Koto-ku", "Tokyo", "Tokyo", "136-0075", "Japan", 5, "Equinix", 35.65560, 139.83420, "std"),
        new(46, "Equinix TY4", "Tokyo", "JP", "2-3-19 Higashishinagawa", "Shinagawa-ku", "Tokyo", "Tokyo", "140-0002", "Japan", 5, "Equinix", 35.61650, 139.74830, "std"),
        new(47, "AT TOKYO CC1", "Tokyo", "JP", "6-2-1 Toyosu", "Koto-ku", "Tokyo", "Tokyo", "135-0061", "Japan", 17, "AT TOKYO", 35.64910, 139.79530, "small"),
        // London (UK)
        new(50, "Equinix LD5", "London", "UK", "8 Buckingham Avenue", "Slough Trading Estate", "Slough", "Berkshire", "SL1 4AX", "United Kingdom", 5, "Equinix", 51.52200, -0.62900, "big"),
        new(51, "Telehouse North", "London", "UK", "Coriander Avenue", "Docklands", "London", "London", "E14 2AA", "United Kingdom", 18, "Telehouse", 51.51167, -0.00056, "std"),
        new(52, "Equinix LD8", "London", "UK", "6/7 Harbour Exchange Square", "Docklands", "London", "London", "E14 9GE", "United Kingdom", 5, "Equinix", 51.49870, -0.01490, "std"),
        new(53, "Interxion LON1", "London", "UK", "11 Hanbury Street", "Shoreditch", "London", "London", "E1 6QR", "United Kingdom", 19, "Interxion", 51.52010, -0.07160, "no100gblue"),
        new(54, "Global Switch London East", "London", "UK", "3 Nutmeg Lane", "Docklands", "London", "London", "E14 2AX", "United Kingdom", 6, "Global Switch", 51.51030, -0.00190, "std"),
        // Frankfurt (DE)
        new(60, "Equinix FR5", "Frankfurt", "DE", "Kleyerstrasse 90", "Gallus", "Frankfurt am Main", "Hesse", "60326", "Germany", 5, "Equinix", 50.09980, 8.62750, "big"),
        new(61, "Interxion FRA", "Frankfurt", "DE", "Hanauer Landstrasse 298", "Ostend", "Frankfurt am Main", "Hesse", "60314", "Germany", 19, "Interxion", 50.11900, 8.73520, "std"),
        new(62, "Telehouse Frankfurt", "Frankfurt", "DE", "Kleyerstrasse 75-87", "Gallus", "Frankfurt am Main", "Hesse", "60326", "Germany", 18, "Telehouse", 50.10160, 8.63460, "std"),
        // Amsterdam (NL)
        new(65, "Equinix AM3", "Amsterdam", "NL", "Science Park 610", "Watergraafsmeer", "Amsterdam", "North Holland", "1098 XH", "Netherlands", 5, "Equinix", 52.35480, 4.95560, "std"),
        new(66, "Nikhef", "Amsterdam", "NL", "Science Park 105", "Watergraafsmeer", "Amsterdam", "North Holland", "1098 XG", "Netherlands", 20, "Nikhef", 52.35630, 4.95100, "small"),
        new(67, "Interxion AMS1", "Amsterdam", "NL", "Cessnalaan 1-33", "Schiphol-Rijk", "Amsterdam", "North Holland", "1119 NJ", "Netherlands", 19, "Interxion", 52.28860, 4.75450, "std"),
        // Ashburn (US)
        new(70, "Equinix DC2", "Ashburn", "US", "21715 Filigree Court", "Ashburn", "Ashburn", "VA", "20147", "USA", 5, "Equinix", 39.01620, -77.45870, "big"),
        new(71, "Equinix DC4", "Ashburn", "US", "21691 Filigree Court", "Ashburn", "Ashburn", "VA", "20147", "USA", 5, "Equinix", 39.01700, -77.46020, "std"),
        new(72, "CoreSite VA1", "Ashburn", "US", "12100 Sunrise Valley Drive", "Reston", "Reston", "VA", "20191", "USA", 21, "CoreSite", 38.95180, -77.35140, "std"),
        // New York (US)
        new(75, "Digital Realty 60 Hudson", "New York", "US", "60 Hudson Street", "Tribeca", "New York", "NY", "10013", "USA", 15, "Digital Realty", 40.71710, -74.00860, "std"),
        new(76, "Equinix NY5", "New York", "US", "800 Secaucus Road", "Secaucus", "Secaucus", "NJ", "07094", "USA", 5, "Equinix", 40.77730, -74.07260, "std"),
        new(77, "CoreSite NY1", "New York", "US", "32 Avenue of the Americas", "Tribeca", "New York", "NY", "10013", "USA", 21, "CoreSite", 40.72020, -74.00470, "no100gblue"),
        // Los Angeles (US)
        new(80, "CoreSite LA1", "Los Angeles", "US", "624 South Grand Avenue", "Downtown", "Los Angeles", "CA", "90017", "USA", 21, "CoreSite", 34.04870, -118.25580, "std"),
        new(81, "Equinix LA1", "Los Angeles", "US", "600 West 7th Street", "Downtown", "Los Angeles", "CA", "90017", "USA", 5, "Equinix", 34.04740, -118.25760, "std"),
        new(82, "CoreSite LA2", "Los Angeles", "US", "900 North Alameda Street", "Chinatown", "Los Angeles", "CA", "90012", "USA", 21, "CoreSite", 34.05870, -118.23580, "std"),
        new(83, "Equinix LA3", "Los Angeles", "US", "1920 East Maple Avenue", "El Segundo", "El Segundo", "CA", "90245", "USA", 5, "Equinix", 33.92680, -118.39380, "small", "Expired", "This location no longer accepts new services."),
        // San Jose (US)
        new(85, "Equinix SV1", "San Jose", "US", "11 Great Oaks Boulevard", "Santa Teresa", "San Jose", "CA", "95119", "USA", 5, "Equinix", 37.24270, -121.78280, "big"),
        new(86, "CoreSite SV1", "San Jose", "US", "55 South Market Street", "Downtown", "San Jose", "CA", "95113", "USA", 21, "CoreSite", 37.33530, -121.89330, "std"),
        // Dallas (US)
        new(88, "Equinix DA1", "Dallas", "US", "1950 North Stemmons Freeway", "Design District", "Dallas", "TX", "75207", "USA", 5, "Equinix", 32.80040, -96.81990, "std"),
        new(89, "Digital Realty 2323 Bryan", "Dallas", "US", "2323 Bryan Street", "Downtown", "Dallas", "TX", "75201", "USA", 15, "Digital Realty", 32.78960, -96.79640, "std"),
        // Chicago (US)
        new(90, "Equinix CH1", "Chicago", "US", "350 East Cermak Road", "South Loop", "Chicago", "IL", "60616", "USA", 5, "Equinix", 41.85390, -87.61830, "std"),
        new(91, "CoreSite CH1", "Chicago", "US", "427 South LaSalle Street", "Loop", "Chicago", "IL", "60605", "USA", 21, "CoreSite", 41.87560, -87.63240, "blueonly"),
        // Toronto (CA)
        new(93, "Equinix TR1", "Toronto", "CA", "151 Front Street West", "Downtown", "Toronto", "ON", "M5J 2N1", "Canada", 5, "Equinix", 43.64450, -79.38450, "std"),
        new(94, "Equinix TR2", "Toronto", "CA", "45 Parliament Street", "Distillery District", "Toronto", "ON", "M5A 0G7", "Canada", 5, "Equinix", 43.65080, -79.36080, "small"),
        // Sao Paulo (BR)
        new(96, "Equinix SP2", "Sao Paulo", "BR", "Avenida Ceci 1900", "Tambore", "Barueri", "SP", "06460-120", "Brazil", 5, "Equinix", -23.50290, -46.83420, "std"),
        new(97, "Equinix SP4", "Sao Paulo", "BR", "Avenida Marcos Penteado de Ulhoa Rodrigues 249", "Tambore", "Santana de Parnaiba", "SP", "06543-001", "Brazil", 5, "Equinix", -23.49460, -46.85640, "redonly", "New"),
    ];

    /// <summary>ISO 3166 alpha-3 code of a market's country (network regions list both).</summary>
    public static string CountryCode(string market) => market switch
    {
        "AU" => "AUS", "NZ" => "NZL", "SG" => "SGP", "HK" => "HKG", "JP" => "JPN", "UK" => "GBR", "DE" => "DEU",
        "NL" => "NLD", "US" => "USA", "CA" => "CAN", "BR" => "BRA", _ => market,
    };

    public static List<Location> Build()
    {
        var list = new List<Location>(Rows.Length);
        foreach (var r in Rows)
        {
            var (red, blue) = r.Profile switch
            {
                "big" => (Big(), Big()),
                "std" => (Std(), Std()),
                "redonly" => (Std(), (Zone?)null),
                "blueonly" => ((Zone?)null, No100G()),
                "no100gblue" => (Std(), No100G()),
                "small" => (Small(), Small()),
                _ => throw new InvalidOperationException("unknown zone profile " + r.Profile),
            };
            list.Add(new Location
            {
                Id = r.Id, Name = r.Name, Metro = r.Metro, Market = r.Market, Street = r.Street, Suburb = r.Suburb,
                City = r.City, State = r.State, Postcode = r.Postcode, Country = r.Country, DataCentreId = r.DcId,
                DataCentreName = r.DcName, Latitude = r.Lat, Longitude = r.Lon, Status = r.Status,
                OrderingMessage = r.Message, Red = red, Blue = blue,
                CrossConnectAvailable = r.DcName is "Equinix" or "Global Switch" or "NEXTDC",
            });
        }
        return list;
    }

    /// <summary>Extra locations for <c>--scale</c>: synthetic sites spread over synthetic metros in the US market.</summary>
    public static IEnumerable<Location> Generate(int count, int firstId)
    {
        for (var i = 0; i < count; i++)
        {
            var metro = $"Simulated Metro {i / 10 + 1:D3}";
            yield return new Location
            {
                Id = firstId + i, Name = $"Simulated DC {i + 1:D4}", Metro = metro, Market = "US",
                Street = $"{100 + i} Benchmark Way", Suburb = "Loopback", City = metro, State = "CA", Postcode = "90000",
                Country = "USA", DataCentreId = 900, DataCentreName = "Simulated Data Centres",
                Latitude = 30 + (i % 100) * 0.1, Longitude = -120 + (i / 100) * 0.1,
                Red = Std(), Blue = Std(), CrossConnectAvailable = false,
            };
        }
    }
}
