using System;
using System.IO;
using System.Linq;
using Megaport.Products;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>Every product descriptor is complete: a reader, a placeholder, an update path (or a reason), a view and help.</summary>
    public class ProductTests
    {
        public static TheoryData<string> Descriptors()
        {
            var data = new TheoryData<string>();
            foreach (var p in Products.Products.All) data.Add(p.Name);
            return data;
        }

        static ProductDescriptor Named(string name) => Products.Products.Named(name)!;

        static string RepoFile(params string[] parts)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Megaport.psd1"))) return Path.Combine(new[] { dir.FullName }.Concat(parts).ToArray());
            throw new InvalidOperationException("The repository root (Megaport.psd1) is not above " + AppContext.BaseDirectory);
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void ReadsItsOwnApiTypesIntoItsModel(string name)
        {
            var product = Named(name);
            Assert.NotEmpty(product.ApiTypes);
            foreach (var apiType in product.ApiTypes)
            {
                Assert.Same(product, Products.Products.ForApiType(apiType));
                Assert.Same(product, Products.Products.ForApiType(apiType.ToLowerInvariant()));
                var service = ServiceReader.Read(JObject.Parse($@"{{""productUid"":""u-1"",""productName"":""n"",""productType"":""{apiType}""}}"));
                Assert.Equal(product.ModelType, service.GetType());
                Assert.Same(product, Products.Products.Of(service));
                Assert.Equal("u-1", service.ProductUid);
            }
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void MakesPlaceholdersOfItsModel(string name)
        {
            var product = Named(name);
            var placeholder = product.Placeholder("u-2", new[] { "u-2" });
            Assert.Equal(product.ModelType, placeholder.GetType());
            Assert.Equal("u-2", placeholder.ProductUid);
            Assert.Equal(product.ApiTypes[0], placeholder.ProductType);
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void HasAnUpdatePathOrSaysWhyNot(string name)
        {
            var product = Named(name);
            var path = product.UpdatePath("u/3");
            if (path == null) Assert.False(string.IsNullOrWhiteSpace(product.NotChangeableReason));
            else
            {
                Assert.StartsWith("/v", path);
                Assert.EndsWith("/u%2F3", path); // the UID is escaped
            }
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void HasWordsForMessages(string name)
        {
            var product = Named(name);
            Assert.False(string.IsNullOrWhiteSpace(product.Noun));
            var sample = product.Placeholder("u-4", new[] { "u-4" });
            Assert.False(string.IsNullOrWhiteSpace(product.DisplayKind(sample)));
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void HasAFormatViewForItsModel(string name)
        {
            var formats = File.ReadAllText(RepoFile("src", "module", "Megaport.Format.ps1xml"));
            Assert.Contains($"<TypeName>{Named(name).ModelType.FullName}</TypeName>", formats);
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void HasHelpForItsCmdlets(string name)
        {
            var product = Named(name);
            if (product.CmdletNoun == null) return; // read through Get-MegaportService only
            var help = Directory.GetFiles(RepoFile("src", "help", "en-US"), "*-" + product.CmdletNoun + ".md");
            Assert.NotEmpty(help);
        }

        [Fact]
        public void NamesAndModelsAreUnique()
        {
            Assert.Equal(Products.Products.All.Count, Products.Products.All.Select(p => p.Name.ToUpperInvariant()).Distinct().Count());
            Assert.Equal(Products.Products.All.Count, Products.Products.All.Select(p => p.ModelType).Distinct().Count());
            Assert.Equal(Products.Products.All.SelectMany(p => p.ApiTypes).Count(), Products.Products.All.SelectMany(p => p.ApiTypes).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        sealed class Forgotten : Service { }

        [Fact]
        public void AModelNobodyRegisteredFailsLoudly()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => Products.Products.Of(new Forgotten()));
            Assert.Contains(nameof(Forgotten), ex.Message);
        }
    }
}
