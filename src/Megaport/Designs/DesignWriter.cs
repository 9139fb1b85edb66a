using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Megaport.Designs
{
    /// <summary>
    /// Writes a design tree (canonical keys) as a .psd1 (PowerShell-style keys), JSON or YAML (the CLI's snake_case).
    /// The keys inside opaque settings (partner configs, a vendor config, tags) are written as they are.
    /// </summary>
    internal static class DesignWriter
    {
        static readonly HashSet<string> Opaque = new(StringComparer.Ordinal) { "a_end_partner_config", "b_end_partner_config", "vendor_config", "resource_tags" };

        public static string Write(JObject design, DesignFormat format, string header) => format switch
        {
            DesignFormat.Json => design.ToString(Formatting.Indented) + Environment.NewLine,
            DesignFormat.Yaml => "# " + header + Environment.NewLine + Yaml(design),
            DesignFormat.Psd1 => "# " + header + Environment.NewLine + Psd1(design),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        static string Yaml(JObject design)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            var emitter = new Emitter(text);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            EmitYaml(emitter, design);
            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
            return text.ToString();
        }

        static readonly Regex PlainSafe = new(@"^[A-Za-z_][A-Za-z0-9_ ./:-]*$", RegexOptions.CultureInvariant);
        static readonly HashSet<string> YamlWords = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

        static void EmitYaml(IEmitter emitter, JToken token)
        {
            switch (token)
            {
                case JObject o:
                    emitter.Emit(new MappingStart());
                    foreach (var p in o.Properties())
                    {
                        emitter.Emit(Text(p.Name));
                        EmitYaml(emitter, p.Value);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
                case JArray a:
                    emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                    foreach (var item in a) EmitYaml(emitter, item);
                    emitter.Emit(new SequenceEnd());
                    break;
                case JValue v when v.Type == JTokenType.String:
                    emitter.Emit(Text((string)v.Value!));
                    break;
                case JValue v when v.Type == JTokenType.Null:
                    emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                    break;
                case JValue v when v.Type == JTokenType.Boolean:
                    emitter.Emit(new Scalar(null, null, (bool)v ? "true" : "false", ScalarStyle.Plain, true, false));
                    break;
                case JValue v:
                    emitter.Emit(new Scalar(null, null, Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "", ScalarStyle.Plain, true, false));
                    break;
                default:
                    throw new InvalidOperationException($"Cannot write a {token.Type} in YAML.");
            }
        }

        /// <summary>Text stays text when read back: anything that could read as a number, boolean or null is quoted.</summary>
        static Scalar Text(string s)
        {
            var plain = PlainSafe.IsMatch(s) && !YamlWords.Contains(s) && !s.EndsWith(" ", StringComparison.Ordinal) && !s.Contains(": ") && !s.Contains(" #");
            return new Scalar(null, null, s, plain ? ScalarStyle.Plain : ScalarStyle.SingleQuoted, plain, !plain);
        }

        static string Psd1(JObject design)
        {
            var sb = new StringBuilder();
            WritePsd1(sb, design, 0, opaque: false);
            sb.AppendLine();
            return sb.ToString();
        }

        static readonly Regex BareKey = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        static void WritePsd1(StringBuilder sb, JToken token, int depth, bool opaque)
        {
            var pad = new string(' ', (depth + 1) * 4);
            var closePad = new string(' ', depth * 4);
            switch (token)
            {
                case JObject o:
                    sb.Append("@{");
                    if (o.Count == 0) { sb.Append('}'); break; }
                    sb.AppendLine();
                    foreach (var p in o.Properties())
                    {
                        var key = opaque ? p.Name : DesignFile.Pascal(p.Name);
                        sb.Append(pad).Append(BareKey.IsMatch(key) ? key : Quote(key)).Append(" = ");
                        WritePsd1(sb, p.Value, depth + 1, opaque || Opaque.Contains(p.Name));
                        sb.AppendLine();
                    }
                    sb.Append(closePad).Append('}');
                    break;
                case JArray a:
                    sb.Append("@(");
                    if (a.Count == 0) { sb.Append(')'); break; }
                    sb.AppendLine();
                    foreach (var item in a)
                    {
                        sb.Append(pad);
                        WritePsd1(sb, item, depth + 1, opaque);
                        sb.AppendLine();
                    }
                    sb.Append(closePad).Append(')');
                    break;
                case JValue v when v.Type == JTokenType.String:
                    sb.Append(Quote((string)v.Value!));
                    break;
                case JValue v when v.Type == JTokenType.Null:
                    sb.Append("$null");
                    break;
                case JValue v when v.Type == JTokenType.Boolean:
                    sb.Append((bool)v ? "$true" : "$false");
                    break;
                case JValue v:
                    sb.Append(Convert.ToString(v.Value, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new InvalidOperationException($"Cannot write a {token.Type} in a .psd1.");
            }
        }

        /// <summary>A single-quoted PowerShell string (no expansion); quotes of every kind PowerShell knows are doubled.</summary>
        static string Quote(string s)
        {
            var sb = new StringBuilder(s.Length + 2).Append('\'');
            foreach (var c in s)
            {
                if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B') sb.Append(c);
                sb.Append(c);
            }
            return sb.Append('\'').ToString();
        }
    }
}
