using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Megaport.Cmdlets
{
    /// <summary>What a Set- cmdlet changes, as the confirmation shows it: "RateLimit 100 -> 500; Name 'a' -> 'b'".</summary>
    internal sealed class ChangeLines
    {
        readonly List<(string Label, string Old, string New)> _lines = new();

        public int Count => _lines.Count;

        public void Add(string label, object? oldValue, object? newValue) => _lines.Add((label, Text(oldValue), Text(newValue)));

        static string Text(object? v) => v switch
        {
            null => "(none)",
            string s => s.Length == 0 ? "(none)" : $"'{s}'",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };

        public override string ToString() => string.Join("; ", _lines.Select(l => $"{l.Label} {l.Old} -> {l.New}"));
    }
}
