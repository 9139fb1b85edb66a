using System;
using System.Linq;
using Megaport.Designs;
using Megaport.Errors;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Megaport.Tests
{
    /// <summary>The design readers (psd1, json, yaml), the key rule, the binder's checks and the writers' round trip.</summary>
    public class DesignTests
    {
        const string Psd1 = "@{ Ports = @( @{ Name = 'p'; LocationId = 3; Speed = 10000; Term = 12; MarketplaceVisibility = $false } )\n" +
                            "   Vxcs = @( @{ Name = 'v'; RateLimit = 100; AEnd = @{ ProductUid = '{{.port.p}}'; Vlan = 10 }; BEnd = 'Sydney Primary' } ) }";
        const string Json = "{\"ports\":[{\"name\":\"p\",\"location_id\":3,\"speed\":10000,\"term\":12,\"marketplace_visibility\":false}]," +
                            "\"vxcs\":[{\"name\":\"v\",\"rate_limit\":100,\"a_end\":{\"product_uid\":\"{{.port.p}}\",\"vlan\":10},\"b_end\":\"Sydney Primary\"}]}";
        const string Yaml = "ports:\n  - name: p\n    location_id: 3\n    speed: 10000\n    term: 12\n    marketplace_visibility: false\n" +
                            "vxcs:\n  - name: v\n    rate_limit: 100\n    a_end: { product_uid: \"{{.port.p}}\", vlan: 10 }\n    b_end: Sydney Primary\n";

        static Design Bind(string text, DesignFormat format, out DesignProblems problems, params string[] secrets)
        {
            problems = new DesignProblems();
            return DesignBinder.Bind((JObject)DesignFile.Parse(text, format, "test"), secrets, problems);
        }

        [Theory]
        [InlineData(Psd1, DesignFormat.Psd1)]
        [InlineData(Json, DesignFormat.Json)]
        [InlineData(Yaml, DesignFormat.Yaml)]
        public void EveryFormatBindsToTheSameDesign(string text, DesignFormat format)
        {
            var design = Bind(text, format, out var problems);
            Assert.False(problems.Any, string.Join("\n", problems.Errors.Select(e => e.Message)));
            var port = Assert.Single(design.Of(DesignKind.Port));
            Assert.Equal("p", port.Name);
            Assert.Equal(3, port.Int("location_id"));
            Assert.Equal(10000, port.Int("speed"));
            Assert.False(port.Bool("marketplace_visibility"));
            var vxc = Assert.Single(design.Of(DesignKind.Vxc));
            Assert.Equal("{{.port.p}}", vxc.Obj("a_end")!["product_uid"]!.ToString());
            Assert.Equal("Sydney Primary", vxc.Obj("b_end")!["product_uid"]!.ToString());
        }

        [Theory]
        [InlineData("location_id", "location_id")]
        [InlineData("LocationId", "location_id")]
        [InlineData("locationId", "location_id")]
        [InlineData("LocationID", "location_id")]
        [InlineData("AEndPartnerConfig", "a_end_partner_config")]
        [InlineData("ProductUID", "product_uid")]
        [InlineData("NatGateways", "nat_gateways")]
        public void KeysAreCanonicalSnakeCase(string key, string canonical)
        {
            Assert.Equal(canonical, DesignFile.Canonical(key));
            Assert.Equal(canonical, DesignFile.Canonical(DesignFile.Pascal(canonical)));
        }

        [Fact]
        public void YamlScalarsFollowTheCoreSchema()
        {
            var o = (JObject)DesignFile.Parse("a: 12\nb: '12'\nc: true\nd: ~\ne: text\nf: \"true\"\n", DesignFormat.Yaml, "t");
            Assert.Equal(JTokenType.Integer, o["a"]!.Type);
            Assert.Equal(JTokenType.String, o["b"]!.Type);
            Assert.Equal(JTokenType.Boolean, o["c"]!.Type);
            Assert.Equal(JTokenType.Null, o["d"]!.Type);
            Assert.Equal("text", (string)o["e"]!);
            Assert.Equal(JTokenType.String, o["f"]!.Type);
        }

        [Theory]
        [InlineData("@{ Ports = @(Get-Date) }")]
        [InlineData("@{ Ports = $env:PATH }")]
        [InlineData("Remove-Item x; @{}")]
        [InlineData("@{ Ports = @( ")]
        [InlineData("@{ Name = \"$(Get-Date)\" }")]
        [InlineData("@{ Speed = [int]'5' }")]
        [InlineData("@{ Ports = @( @{ Name = 'a' } | ForEach-Object { $_ } ) }")]
        public void APsd1NeverRunsAnything(string text)
        {
            var ex = Assert.Throws<MegaportException>(() => DesignFile.Parse(text, DesignFormat.Psd1, "t.psd1"));
            Assert.Equal(ErrorIds.InvalidArgument, ex.ErrorId);
        }

        [Fact]
        public void ABigPsd1IsReadInTheFilesOrder()
        {
            // An exported account: more nodes than PowerShell's SafeGetValue takes.
            var ports = string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"    @{{ Name = 'p{i}'; LocationId = 3; Speed = 10000; Term = -1; Tags = @{{ env = \"prod\" }}; Lag = $false; Note = $null }}"));
            var o = (JObject)DesignFile.Parse("@{ Ports = @(\n" + ports + "\n) }", DesignFormat.Psd1, "big.psd1");
            var list = (JArray)o["Ports"]!;
            Assert.Equal(1000, list.Count);
            Assert.Equal("p999", (string)list[999]!["Name"]!);
            Assert.Equal(-1, (int)list[0]!["Term"]!);
            Assert.Equal("prod", (string)list[0]!["Tags"]!["env"]!);
            Assert.Equal(JTokenType.Boolean, list[0]!["Lag"]!.Type);
            Assert.Equal(JTokenType.Null, list[0]!["Note"]!.Type);
            Assert.Equal(new[] { "Name", "LocationId", "Speed", "Term", "Tags", "Lag", "Note" }, ((JObject)list[0]!).Properties().Select(p => p.Name));
            var single = (JObject)DesignFile.Parse("@{ Ports = @( @{ Name = 'only' } ) }", DesignFormat.Psd1, "one.psd1");
            Assert.Single((JArray)single["Ports"]!);
        }

        [Fact]
        public void EveryProblemIsCollectedNamingResourceAndField()
        {
            const string bad = "ports:\n  - { name: a, location_id: 3, speed: 5, term: 2, zone: x }\n" +
                               "vxcs:\n  - { name: v, rate_limit: fast, a_end: { product_uid: \"{{.bogus.a}}\" }, b_end: {} }\n";
            Bind(bad, DesignFormat.Yaml, out var problems);
            var messages = problems.Errors.Select(e => e.Message).ToList();
            Assert.Contains(messages, m => m.StartsWith("ports[0] 'a': speed: 5 is not a port speed", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("ports[0] 'a': term: 2 is not a Megaport contract term", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("ports[0] 'a': zone: is not a setting", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("vxcs[0] 'v': rate_limit: must be a whole number", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("vxcs[0] 'v': a_end.product_uid: '{{.bogus.a}}'", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("vxcs[0] 'v': b_end: needs product_uid", StringComparison.Ordinal));
            Assert.All(problems.Errors, e => Assert.Equal(ErrorIds.InvalidArgument, e.ErrorId));
        }

        [Fact]
        public void SecretsAreNamedAndAMissingOneIsAProblem()
        {
            const string text = "vxcs:\n  - name: v\n    rate_limit: 10\n    a_end: a\n    b_end: b\n" +
                                "    b_end_partner_config: { connectType: AWS, ownerAccount: \"123456789012\", asn: 65000, authKey: \"{{.secret.aws}}\" }\n";
            var design = Bind(text, DesignFormat.Yaml, out var missing);
            Assert.Equal(new[] { "aws" }, design.Secrets.ToArray());
            Assert.Contains(missing.Errors, e => e.Message.Contains("the secret 'aws' is not given"));
            Bind(text, DesignFormat.Yaml, out var given, "aws");
            Assert.False(given.Any);
            Assert.Equal("x-s3cret-y", DesignBinder.WithSecrets("x-{{.secret.aws}}-y", _ => "s3cret"));
        }

        [Fact]
        public void APartnerConfigIsReadThroughTheRequestSpecs()
        {
            const string text = "vxcs:\n  - { name: v, rate_limit: 10, a_end: a, b_end: b, b_end_partner_config: { connectType: GOOGLE, pairingKee: k } }\n";
            Bind(text, DesignFormat.Yaml, out var problems);
            Assert.Contains(problems.Errors, e => e.Message.StartsWith("vxcs[0] 'v': b_end_partner_config:", StringComparison.Ordinal) && e.Message.Contains("pairingKee"));
        }

        [Theory]
        [InlineData(DesignFormat.Psd1)]
        [InlineData(DesignFormat.Json)]
        [InlineData(DesignFormat.Yaml)]
        public void WhatIsWrittenReadsBackTheSame(DesignFormat format)
        {
            var tree = new JObject
            {
                ["ports"] = new JArray(new JObject
                {
                    ["name"] = "it's 10000", ["location_id"] = 3, ["speed"] = 10000, ["term"] = 12, ["marketplace_visibility"] = false,
                    ["resource_tags"] = new JObject { ["env"] = "prod", ["two words"] = "12", ["yes"] = "true" },
                }),
                ["vxcs"] = new JArray(new JObject
                {
                    ["name"] = "v: #1", ["rate_limit"] = 100,
                    ["a_end"] = new JObject { ["product_uid"] = "{{.port.it's 10000}}", ["vlan"] = -1 },
                    ["b_end"] = new JObject { ["cloud"] = "AWS", ["location_id"] = 3 },
                    ["b_end_partner_config"] = new JObject { ["connectType"] = "AWS", ["ownerAccount"] = "000000000012", ["asn"] = 65000 },
                }),
            };
            var text = DesignWriter.Write(tree, format, "test");
            var back = (JObject)DesignFile.Parse(text, format, "t");
            var problems = new DesignProblems();
            var design = DesignBinder.Bind(back, Array.Empty<string>(), problems);
            Assert.False(problems.Any, string.Join("\n", problems.Errors.Select(e => e.Message)) + "\n" + text);
            var port = design.Of(DesignKind.Port).Single();
            Assert.Equal("it's 10000", port.Name);
            Assert.Equal("12", port.Obj("resource_tags")!["two words"]!.ToString());
            Assert.Equal(JTokenType.String, port.Obj("resource_tags")!["yes"]!.Type);
            var vxc = design.Of(DesignKind.Vxc).Single();
            Assert.Equal("v: #1", vxc.Name);
            Assert.Equal("000000000012", (string)vxc.Obj("b_end_partner_config")!["ownerAccount"]!);
            Assert.Equal(-1, (int)vxc.Obj("a_end")!["vlan"]!);
        }
    }
}
