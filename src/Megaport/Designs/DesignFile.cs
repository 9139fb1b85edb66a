using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text;
using Megaport.Api;
using Megaport.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Megaport.Designs
{
    /// <summary>The formats a design is read from and written to.</summary>
    public enum DesignFormat { Psd1, Json, Yaml }

    /// <summary>
    /// Reads a design file (.psd1, .json, .yaml/.yml) into one JSON tree, whatever the format: the binder only ever
    /// sees that tree. A .psd1 is parsed, never run (the data-file rules of Import-PowerShellDataFile).
    /// </summary>
    internal static class DesignFile
    {
        public static DesignFormat FormatOf(string path)
        {
            var ext = Path.GetExtension(path).ToLowerInvariant();
            return ext switch
            {
                ".psd1" => DesignFormat.Psd1,
                ".json" => DesignFormat.Json,
                ".yaml" or ".yml" => DesignFormat.Yaml,
                _ => throw MegaportException.InvalidArgument($"'{path}' is not a design file: use .psd1, .json, .yaml or .yml.", path),
            };
        }

        public static JObject Read(string path)
        {
            if (!File.Exists(path)) throw MegaportException.InvalidArgument($"The design file '{path}' does not exist.", path);
            var format = FormatOf(path);
            var text = File.ReadAllText(path);
            var root = Parse(text, format, path);
            return root as JObject ?? throw MegaportException.InvalidArgument(
                $"The design file '{path}' must hold a table (ports, mcrs, mves, nat_gateways, vxcs, ixs), not {Describe(root)}.", path);
        }

        public static JToken Parse(string text, DesignFormat format, string what) => format switch
        {
            DesignFormat.Psd1 => ParsePsd1(text, what),
            DesignFormat.Json => ParseJson(text, what),
            DesignFormat.Yaml => ParseYaml(text, what),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        static string Describe(JToken token) => token.Type switch
        {
            JTokenType.Array => "a list",
            JTokenType.Null => "nothing",
            _ => "a single value",
        };

        static JToken ParseJson(string text, string what)
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
                var token = JToken.ReadFrom(reader);
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                    throw MegaportException.InvalidArgument($"{what}: line {reader.LineNumber}: more JSON after the design.", what);
                return token;
            }
            catch (JsonReaderException ex)
            {
                throw MegaportException.InvalidArgument($"{what} is not valid JSON: {ex.Message}", what);
            }
        }

        static JToken ParsePsd1(string text, string what)
        {
            var ast = System.Management.Automation.Language.Parser.ParseInput(text, out _, out var errors);
            if (errors.Length > 0)
                throw MegaportException.InvalidArgument(
                    $"{what} is not valid PowerShell data: line {errors[0].Extent.StartLineNumber}: {errors[0].Message}", what);
            var statements = ast.EndBlock?.Statements;
            if (ast.ParamBlock != null || ast.BeginBlock != null || ast.ProcessBlock != null || statements == null || statements.Count != 1
                || !(statements[0] is PipelineAst pipeline) || pipeline.GetPureExpression() is not HashtableAst table)
                throw MegaportException.InvalidArgument($"{what} must hold one hashtable (@{{ ... }}), as a .psd1 data file does.", what);
            // Walked here rather than with SafeGetValue, which refuses a big file (an exported account) for its node count.
            return FromPsd1(table, what, 0);
        }

        /// <summary>
        /// The data of a .psd1 design: hashtables, lists, text, numbers and $true/$false/$null, in the file's order.
        /// Anything else (a command, a variable, a cast, a subexpression in a string) would run code and is refused.
        /// </summary>
        static JToken FromPsd1(Ast node, string what, int depth)
        {
            if (depth > 64) throw MegaportException.InvalidArgument($"{what} is nested too deeply to be a design.", what);
            switch (node)
            {
                case HashtableAst table:
                    var o = new JObject();
                    foreach (var pair in table.KeyValuePairs)
                    {
                        var key = pair.Item1 switch
                        {
                            StringConstantExpressionAst k => k.Value,
                            ConstantExpressionAst c => Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                            _ => throw NotData(pair.Item1, what),
                        };
                        if (o.ContainsKey(key)) throw MegaportException.InvalidArgument($"{what}: line {pair.Item1.Extent.StartLineNumber}: the key '{key}' is there twice.", what);
                        o[key] = FromPsd1(pair.Item2, what, depth + 1);
                    }
                    return o;
                case PipelineAst pipeline when pipeline.GetPureExpression() is ExpressionAst expression:
                    return FromPsd1(expression, what, depth + 1);
                case CommandExpressionAst command when command.Redirections.Count == 0:
                    return FromPsd1(command.Expression, what, depth + 1);
                case ArrayLiteralAst list:
                    return new JArray(list.Elements.Select(e => FromPsd1(e, what, depth + 1)));
                case ArrayExpressionAst array:
                    // @( a, b ) holds one statement whose value is the list; @( a; b ) one statement per item.
                    var items = new JArray();
                    foreach (var statement in array.SubExpression.Statements)
                    {
                        var item = FromPsd1(statement, what, depth + 1);
                        if (item is JArray inner && array.SubExpression.Statements.Count == 1) foreach (var x in inner) items.Add(x);
                        else items.Add(item);
                    }
                    return items;
                case ParenExpressionAst paren:
                    return FromPsd1(paren.Pipeline, what, depth + 1);
                case StringConstantExpressionAst text:
                    return new JValue(text.Value);
                case ExpandableStringExpressionAst expandable when expandable.NestedExpressions.Count == 0:
                    return new JValue(expandable.Value);
                case ConstantExpressionAst constant:
                    return new JValue(constant.Value);
                case UnaryExpressionAst { TokenKind: TokenKind.Minus, Child: ConstantExpressionAst negative } when negative.Value is int or long or double or decimal:
                    return new JValue(negative.Value switch { int i => -i, long l => -l, double d => -d, decimal m => (object)(-m), _ => negative.Value });
                case VariableExpressionAst variable when variable.VariablePath.IsUnqualified:
                    switch (variable.VariablePath.UserPath.ToLowerInvariant())
                    {
                        case "true": return new JValue(true);
                        case "false": return new JValue(false);
                        case "null": return JValue.CreateNull();
                    }
                    throw NotData(node, what);
                default:
                    throw NotData(node, what);
            }
        }

        static MegaportException NotData(Ast node, string what) =>
            MegaportException.InvalidArgument(
                $"{what}: line {node.Extent.StartLineNumber}: '{Shorten(node.Extent.Text)}' is not data (a .psd1 design holds hashtables, lists, text, numbers, $true, $false and $null; nothing in it runs).", what);

        static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

        static JToken ParseYaml(string text, string what)
        {
            var stream = new YamlStream();
            try { stream.Load(new StringReader(text)); }
            catch (YamlException ex)
            {
                throw MegaportException.InvalidArgument($"{what} is not valid YAML: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", what);
            }
            if (stream.Documents.Count == 0) return JValue.CreateNull();
            if (stream.Documents.Count > 1) throw MegaportException.InvalidArgument($"{what} holds {stream.Documents.Count} YAML documents; a design is one.", what);
            return FromYaml(stream.Documents[0].RootNode, what, 0);
        }

        static JToken FromYaml(YamlNode node, string what, int depth)
        {
            if (depth > 32) throw MegaportException.InvalidArgument($"{what} is nested more than 32 levels deep.", what);
            switch (node)
            {
                case YamlMappingNode map:
                    var o = new JObject();
                    foreach (var entry in map.Children)
                    {
                        var key = entry.Key is YamlScalarNode k ? k.Value ?? "" : throw MegaportException.InvalidArgument($"{what}: line {entry.Key.Start.Line}: a key must be text.", what);
                        if (o.ContainsKey(key)) throw MegaportException.InvalidArgument($"{what}: line {entry.Key.Start.Line}: the key '{key}' is there twice.", what);
                        o[key] = FromYaml(entry.Value, what, depth + 1);
                    }
                    return o;
                case YamlSequenceNode list:
                    return new JArray(list.Children.Select(c => FromYaml(c, what, depth + 1)));
                case YamlScalarNode scalar:
                    return Scalar(scalar);
                default:
                    throw MegaportException.InvalidArgument($"{what}: line {node.Start.Line}: aliases are not supported in designs.", what);
            }
        }

        /// <summary>YAML 1.2 core schema for plain scalars (numbers, booleans, null); quoted scalars are always text.</summary>
        static JToken Scalar(YamlScalarNode scalar)
        {
            var text = scalar.Value ?? "";
            if (scalar.Style != ScalarStyle.Plain) return new JValue(text);
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL": return JValue.CreateNull();
                case "true" or "True" or "TRUE": return new JValue(true);
                case "false" or "False" or "FALSE": return new JValue(false);
            }
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return new JValue(l);
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return new JValue(d);
            return new JValue(text);
        }

        /// <summary>
        /// A key as the design's canonical snake_case: location_id, LocationId and locationId are one key, so the
        /// CLI's YAML and a PowerShell-style .psd1 read alike.
        /// </summary>
        public static string Canonical(string key)
        {
            var sb = new StringBuilder(key.Length + 4);
            for (var i = 0; i < key.Length; i++)
            {
                var c = key[i];
                if (c == '-' || c == ' ') c = '_';
                if (char.IsUpper(c) && i > 0 && key[i - 1] != '_')
                {
                    var prevLower = char.IsLower(key[i - 1]) || char.IsDigit(key[i - 1]);
                    var nextLower = i + 1 < key.Length && char.IsLower(key[i + 1]);
                    if (prevLower || (char.IsUpper(key[i - 1]) && nextLower)) sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        /// <summary>The PowerShell-style key of a canonical one (location_id -> LocationId), for .psd1 exports.</summary>
        public static string Pascal(string key) =>
            string.Concat(key.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
    }
}
