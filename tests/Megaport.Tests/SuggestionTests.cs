using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Megaport.Errors;
using Megaport.Ordering;
using Megaport.Transformations;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>The "Did you mean" matcher (Suggestions) on its own and on the simulator's location names.</summary>
    public class SuggestionTests
    {
        // The simulator's seed location names (src/Megaport.Simulator/Seed/SeedLocations.cs), a realistic pool.
        static readonly string[] Names =
        {
            "Equinix SY1", "Global Switch Sydney", "Equinix SY3", "NEXTDC S1", "NEXTDC S2", "Equinix SY4",
            "NEXTDC S3", "NEXTDC M1", "Equinix ME1", "Equinix ME2", "NEXTDC B1", "Polaris Data Centre", "NEXTDC P1",
            "Vocus Albany", "Spark Mayoral Drive", "CDC Silverdale", "Equinix SG1",
            "Global Switch Singapore Tai Seng", "Digital Realty SIN10", "Equinix SG2", "Equinix HK1", "MEGA-i",
            "Global Switch Hong Kong", "Equinix TY2", "Equinix TY4", "AT TOKYO CC1", "Equinix LD5", "Telehouse North",
            "Equinix LD8", "Interxion LON1", "Global Switch London East", "Equinix FR5", "Interxion FRA",
            "Telehouse Frankfurt", "Equinix AM3", "Nikhef", "Interxion AMS1", "Equinix DC2", "Equinix DC4",
            "CoreSite VA1", "Digital Realty 60 Hudson", "Equinix NY5", "CoreSite NY1", "CoreSite LA1", "Equinix LA1",
            "CoreSite LA2", "Equinix LA3", "Equinix SV1", "CoreSite SV1", "Equinix DA1", "Digital Realty 2323 Bryan",
            "Equinix CH1", "CoreSite CH1", "Equinix TR1", "Equinix TR2", "Equinix SP2", "Equinix SP4",
        };

        static string[] Closest(string input) => Suggestions.Closest(input, Names).ToArray();

        [Theory]
        [InlineData("", "", 0)]
        [InlineData("abc", "", 3)]
        [InlineData("", "abc", 3)]
        [InlineData("switch", "switch", 0)]
        [InlineData("swich", "switch", 1)]     // a letter missing
        [InlineData("swittch", "switch", 1)]   // a letter too many
        [InlineData("swatch", "switch", 1)]    // a letter wrong
        [InlineData("swtich", "switch", 1)]    // two neighbours swapped: one edit, not two
        [InlineData("kitten", "sitting", 3)]
        [InlineData("ca", "abc", 3)]           // optimal string alignment: a swapped pair is not edited again
        public void DistanceCountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected)
        {
            Assert.Equal(expected, Suggestions.Distance(a, b));
            Assert.Equal(expected, Suggestions.Distance(b, a));
        }

        [Fact]
        public void SimilarityIgnoresCaseAndSpacingAndWordOrder()
        {
            Assert.Equal(1.0, Suggestions.Similarity("Global Switch Sydney", "global  switch sydney "));
            Assert.Equal(1.0, Suggestions.Similarity("Sydney Global Switch", "Global Switch Sydney"));
            Assert.Equal(0.0, Suggestions.Similarity("", "Global Switch Sydney"));
            Assert.Equal(0.0, Suggestions.Similarity(null, null));
            Assert.True(Suggestions.Similarity("Global Swich Sydney", "Global Switch Sydney") > 0.9);
            Assert.True(Suggestions.Similarity("xyzzy", "Global Switch Sydney") < Suggestions.Threshold);
        }

        [Theory]
        [InlineData("Global Swich Sydney", "Global Switch Sydney")]          // the example of the issue
        [InlineData("global switch sydny", "Global Switch Sydney")]
        [InlineData("Global Swtich Sydney", "Global Switch Sydney")]
        [InlineData("Switch Sydney", "Global Switch Sydney")]                // a word missing
        [InlineData("Sydney Global Switch", "Global Switch Sydney")]         // words in another order
        [InlineData("Global Switch Sydney Ultimo", "Global Switch Sydney")]  // a word too many
        [InlineData("Equinx SY1", "Equinix SY1")]                            // one name clearly closest: alone
        [InlineData("Megai", "MEGA-i")]
        [InlineData("Telehose North", "Telehouse North")]
        [InlineData("Digital Realty 60 Hudsen", "Digital Realty 60 Hudson")]
        public void ATypoSuggestsTheRightNameAlone(string input, string expected)
        {
            Assert.Equal(new[] { expected }, Closest(input));
        }

        [Fact]
        public void NamesEquallyCloseComeTogetherUpToThreeInTheirOrder()
        {
            // "SY9" is one edit from SY1, SY3 and SY4 (SG1 is two away, so it stays out).
            Assert.Equal(new[] { "Equinix SY1", "Equinix SY3", "Equinix SY4" }, Closest("Equinix SY9"));
            Assert.Equal(new[] { "NEXTDC S1", "NEXTDC S2", "NEXTDC S3" }, Closest("NEXTDC S9"));
            Assert.Equal(new[] { "NEXTDC S1", "NEXTDC S2" }, Suggestions.Closest("NEXTDC S9", Names, max: 2));
            Assert.Empty(Suggestions.Closest("NEXTDC S9", Names, max: 0));
        }

        [Fact]
        public void TheBestComesFirst()
        {
            // LD8 and LD5 are one edit from "Equinix LD6" and keep their order; LA1 is two edits away and stays out.
            var closest = Suggestions.Closest("Equinix LD6", new[] { "Equinix LA1", "Equinix LD8", "Equinix LD5" });
            Assert.Equal(new[] { "Equinix LD8", "Equinix LD5" }, closest);
        }

        [Theory]
        [InlineData("xyzzy")]
        [InlineData("No Such Place")]
        [InlineData("asdfghjkl")]
        [InlineData("qwertyuiop zxcvbnm")]
        [InlineData("12345")]
        [InlineData("a")]
        [InlineData("Sydney")]         // a metro, not a data centre: -Metro is the answer, not a guess
        [InlineData("*")]
        [InlineData("   ")]
        [InlineData("")]
        [InlineData(null)]
        public void NonsenseSuggestsNothing(string? input)
        {
            Assert.Empty(Suggestions.Closest(input, Names));
        }

        [Fact]
        public void HugeInputIsNotCompared()
        {
            Assert.Empty(Suggestions.Closest(new string('n', 10000), Names));
            Assert.Empty(Suggestions.Closest("Global Switch Sydney" + new string(' ', 5) + new string('x', 300), Names));
        }

        [Fact]
        public void CandidatesMayBeEmptyNullOrRepeated()
        {
            Assert.Empty(Suggestions.Closest("Global Switch Sydney", Array.Empty<string>()));
            Assert.Equal(new[] { "Global Switch Sydney" },
                Suggestions.Closest("Global Swich Sydney", new[] { null, "", "Global Switch Sydney", "GLOBAL SWITCH SYDNEY" }));
        }

        [Fact]
        public void DidYouMeanListsOneTwoOrThree()
        {
            Assert.Equal("", Suggestions.DidYouMean(Array.Empty<string>()));
            Assert.Equal(" Did you mean 'A'?", Suggestions.DidYouMean(new[] { "A" }));
            Assert.Equal(" Did you mean 'A' or 'B'?", Suggestions.DidYouMean(new[] { "A", "B" }));
            Assert.Equal(" Did you mean 'A', 'B' or 'C'?", Suggestions.DidYouMean(new[] { "A", "B", "C" }));
        }
    }

    /// <summary>-Location: the resolver on a location list, the transformation, and the UID rule.</summary>
    public class LocationRuleTests
    {
        static Location L(int id, string name, string status = "Active") => new() { Id = id, Name = name, Status = status };

        static readonly Location[] All =
        {
            L(2, "Equinix SY1"), L(3, "Global Switch Sydney"), L(4, "Equinix SY3"), L(7, "Equinix SY4"), L(8, "NEXTDC S3", "Deployment"),
        };

        static MegaportException Refused(Action action, string errorId)
        {
            var ex = Assert.Throws<MegaportException>(action);
            Assert.Equal(errorId, ex.ErrorId);
            return ex;
        }

        [Theory]
        [InlineData("3", 3)]
        [InlineData(" 3 ", 3)]
        [InlineData("Global Switch Sydney", 3)]
        [InlineData("GLOBAL SWITCH SYDNEY", 3)]
        [InlineData("equinix sy1", 2)]
        public void AnOrderTakesAnIdOrAnExactNameInAnyCase(string text, int id)
        {
            Assert.Equal(id, LocationRules.Single(All, text).Id);
        }

        [Fact]
        public void AnUnknownNameIsLocationNotFoundWithSuggestionsInMessageAndAction()
        {
            var ex = Refused(() => LocationRules.Single(All, "Global Swich Sydney"), ErrorIds.LocationNotFound);
            Assert.Equal("No Megaport location matches 'Global Swich Sydney'. Did you mean 'Global Switch Sydney'?", ex.Message);
            Assert.Equal(ErrorCategory.ObjectNotFound, ex.Category);
            Assert.Equal("Global Swich Sydney", ex.Target);
            Assert.Contains("-Location 'Global Switch Sydney' (id 3)", ex.RecommendedAction);

            var several = Refused(() => LocationRules.Single(All, "Equinix SY9"), ErrorIds.LocationNotFound);
            Assert.EndsWith("Did you mean 'Equinix SY1', 'Equinix SY3' or 'Equinix SY4'?", several.Message);
            Assert.Contains("'Equinix SY1' (2)", several.RecommendedAction);

            var nonsense = Refused(() => LocationRules.Single(All, "xyzzy"), ErrorIds.LocationNotFound);
            Assert.Equal("No Megaport location matches 'xyzzy'.", nonsense.Message);
            Assert.DoesNotContain("Did you mean", nonsense.RecommendedAction);
        }

        [Fact]
        public void OrdersSuggestOnlyActiveLocationsButGetSuggestsAll()
        {
            // NEXTDC S3 takes no orders, so an order's typo does not point at it; Get-MegaportLocation shows it by name.
            Assert.DoesNotContain("Did you mean", Refused(() => LocationRules.Single(All, "NEXTDC S4"), ErrorIds.LocationNotFound).Message);
            Assert.Contains("'NEXTDC S3'", LocationRules.NameNotFound("NEXTDC S4", All, "-Name").Message);
        }

        [Fact]
        public void AnUnknownIdIsLocationNotFound()
        {
            var ex = Refused(() => LocationRules.Single(All, "999"), ErrorIds.LocationNotFound);
            Assert.Equal("There is no Megaport location with id 999.", ex.Message);
            Refused(() => LocationRules.Find(All, 999), ErrorIds.LocationNotFound);
        }

        [Fact]
        public void AnInactiveLocationTakesNoOrders()
        {
            Assert.Contains("not Active", Refused(() => LocationRules.Single(All, "NEXTDC S3"), ErrorIds.InvalidArgument).Message);
            Refused(() => LocationRules.Find(All, 8), ErrorIds.InvalidArgument);
        }

        [Fact]
        public void AnOrderRefusesAPatternListingWhatItMatches()
        {
            var ex = Refused(() => LocationRules.Single(All, "Equinix SY*"), ErrorIds.InvalidArgument);
            Assert.Contains("'Equinix SY1' (2), 'Equinix SY3' (4) and 'Equinix SY4' (7)", ex.Message);
            Assert.Contains("matches no location", Refused(() => LocationRules.Single(All, "Nowhere*"), ErrorIds.InvalidArgument).Message);
        }

        [Fact]
        public void ANameTwoLocationsShareIsAmbiguous()
        {
            var twins = All.Append(L(99, "global switch SYDNEY")).ToArray();
            var ex = Refused(() => LocationRules.Single(twins, "Global Switch Sydney"), ErrorIds.InvalidArgument);
            Assert.Contains("names 2 Megaport locations", ex.Message);
            Assert.Contains("(3)", ex.Message);
            Assert.Contains("(99)", ex.Message);
            Assert.Equal(99, LocationRules.Single(twins, "99").Id);
        }

        [Fact]
        public void ListingsTakePatternsAndSayWhetherTheNameWasExact()
        {
            var hits = LocationRules.Match(All, "equinix sy*", patterns: true, out var exact);
            Assert.Equal(new[] { 2, 4, 7 }, hits.Select(l => l.Id));
            Assert.False(exact);
            Assert.Empty(LocationRules.Match(All, "Nowhere*", patterns: true, out _));
            Assert.Single(LocationRules.Match(All, "NEXTDC S3", patterns: true, out exact));
            Assert.True(exact);
            Refused(() => LocationRules.Match(All, "", patterns: true, out _), ErrorIds.InvalidArgument);
            Refused(() => LocationRules.Match(All, "[", patterns: true, out _), ErrorIds.InvalidArgument);
        }

        static object? Transform(object? value, bool many = false) =>
            new LocationTransformationAttribute { AllowMany = many }.Transform(null!, value);

        [Fact]
        public void TheTransformationTurnsObjectsIntoIdsAndLeavesNamesAlone()
        {
            Assert.Equal("Global Switch Sydney", Transform("Global Switch Sydney"));
            Assert.Equal("3", Transform(3));
            Assert.Equal("3", Transform(3L));
            Assert.Equal("3", Transform(PSObject.AsPSObject(3)));
            Assert.Equal("3", Transform(All[1]));
            Assert.Equal("3", Transform(PSObject.AsPSObject(All[1])));
            Assert.Equal("3", Transform(new Hashtable { ["Id"] = 3 }));
            Assert.Equal("3", Transform(new Hashtable { ["LocationId"] = "3" }));
            var deserialized = new PSObject();
            deserialized.TypeNames.Insert(0, "Deserialized.Megaport.Location");
            deserialized.Properties.Add(new PSNoteProperty("Id", 3));
            deserialized.Properties.Add(new PSNoteProperty("Name", "Global Switch Sydney"));
            Assert.Equal("3", Transform(deserialized));
            var port = PSObject.AsPSObject(new { LocationId = 3, ProductUid = "x" });
            Assert.Equal("3", Transform(port));
            Assert.Null(Transform(null));
        }

        [Fact]
        public void TheTransformationTakesListsWhereManyGoAndOneWhereOneGoes()
        {
            Assert.Equal(new object?[] { "3", "Equinix SY1" }, (object?[])Transform(new object[] { All[1], "Equinix SY1" }, many: true)!);
            Assert.Equal("3", Transform(new object[] { All[1] }));
            Assert.Throws<ArgumentTransformationMetadataException>(() => Transform(new object[] { All[1], All[0] }));
        }

        [Fact]
        public void TheTransformationRefusesObjectsWithoutALocation()
        {
            Assert.Throws<ArgumentTransformationMetadataException>(() => Transform(new Hashtable { ["Name"] = "x" }));
            Assert.Throws<ArgumentTransformationMetadataException>(() => Transform(new Hashtable { ["Id"] = "three" }));
            // An IX type has an Id, but it is no location id.
            Assert.Throws<ArgumentTransformationMetadataException>(() => Transform(new IxType { Id = 3, Name = "Sydney IX" }));
            // A VXC has no single location.
            Assert.Throws<ArgumentTransformationMetadataException>(() => Transform(new Vxc()));
        }

        [Theory]
        [InlineData("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12", true)]
        [InlineData("2F3C8A1E-6B4D-4E9A-8C71-0D5E9B3A7F12", true)]
        [InlineData("11111111-2222-3333-4444-555555555555", true)]   // version and variant digits are not checked
        [InlineData("00000000-0000-0000-0000-000000000000", true)]
        [InlineData("first-uid", false)]
        [InlineData("not-a-real-uid-0000", false)]
        [InlineData("2f3c8a1e6b4d4e9a8c710d5e9b3a7f12", false)]     // no hyphens
        [InlineData("{2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12}", false)]
        [InlineData("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f1", false)]   // a digit short
        [InlineData("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f123", false)]
        [InlineData("2f3c8a1g-6b4d-4e9a-8c71-0d5e9b3a7f12", false)]  // not hexadecimal
        [InlineData("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12\n", false)] // a trailing newline
        [InlineData(" 2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f12", false)]
        [InlineData("2f3c8a1e-6b4d-4e9a-8c71-0d5e9b3a7f1*", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void AProductUidIsACanonicalUuid(string? uid, bool ok)
        {
            Assert.Equal(ok, Check.IsUid(uid));
            if (ok) Check.Uid(uid, "ProductUid");
            else Assert.Contains("is not a product UID", Assert.Throws<MegaportException>(() => Check.Uid(uid, "ProductUid")).Message);
        }
    }
}
