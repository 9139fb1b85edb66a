using System;
using System.Collections.Generic;
using System.Linq;

namespace Megaport.Ordering
{
    /// <summary>
    /// "Did you mean ...?" for a name that matched nothing: the known names closest to it, best first.
    /// Two measures, the better one counts: the edit distance of the whole names (typos: a missing, extra, wrong or
    /// swapped letter) and how much of the words of each name the other one has (a missing or extra word, words in
    /// another order). A floor keeps nonsense from suggesting anything, and a margin keeps a clear winner alone.
    /// Not tied to locations: any list of names will do.
    /// </summary>
    internal static class Suggestions
    {
        /// <summary>Names scoring below this (0..1) are never suggested.</summary>
        public const double Threshold = 0.65;

        /// <summary>
        /// Only names scoring within this of the best one are suggested with it: names as close as the best (one
        /// edit each from "Equinix SY9") come together, one a letter further off than the best does not.
        /// </summary>
        public const double Margin = 0.04;

        /// <summary>Words count as the same when their own similarity reaches this (one typo in a 4-letter word).</summary>
        const double WordThreshold = 0.7;

        /// <summary>No real name is this long; longer input (fuzzed junk) is not compared at all.</summary>
        const int MaxLength = 200;

        /// <summary>Up to <paramref name="max"/> of <paramref name="candidates"/> closest to <paramref name="input"/>, best first (ties keep the candidates' order).</summary>
        public static IReadOnlyList<string> Closest(string? input, IEnumerable<string?> candidates, int max = 3)
        {
            var typed = Normalize(input);
            if (typed.Length == 0 || typed.Length > MaxLength || max <= 0) return Array.Empty<string>();
            var scored = candidates
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(c => (Name: c!, Score: Score(typed, Normalize(c))))
                .Where(s => s.Score >= Threshold)
                .OrderByDescending(s => s.Score)   // stable: equal scores keep the candidates' order
                .ToList();
            if (scored.Count == 0) return Array.Empty<string>();
            var best = scored[0].Score;
            return scored.TakeWhile(s => s.Score >= best - Margin).Take(max).Select(s => s.Name).ToList();
        }

        /// <summary>" Did you mean 'A'?", " Did you mean 'A', 'B' or 'C'?" (with the leading space), or "" for none.</summary>
        public static string DidYouMean(IReadOnlyList<string> names)
        {
            if (names.Count == 0) return "";
            var quoted = names.Select(n => $"'{n}'").ToList();
            var list = quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[quoted.Count - 1];
            return $" Did you mean {list}?";
        }

        /// <summary>How alike two names are, 0 (nothing in common) to 1 (the same, ignoring case and spacing).</summary>
        public static double Similarity(string? a, string? b)
        {
            var x = Normalize(a);
            var y = Normalize(b);
            if (x.Length == 0 || y.Length == 0 || x.Length > MaxLength || y.Length > MaxLength) return 0;
            return Score(x, y);
        }

        static double Score(string x, string y) => Math.Max(WholeSimilarity(x, y), WordSimilarity(x, y));

        static double WholeSimilarity(string x, string y)
        {
            if (x == y) return 1;
            return 1 - (double)Distance(x, y) / Math.Max(x.Length, y.Length);
        }

        /// <summary>
        /// The share of both names' letters that sit in words the other name has (or nearly has), so "Switch Sydney"
        /// is close to "Global Switch Sydney" and "Sydney Global Switch" is the same name.
        /// </summary>
        static double WordSimilarity(string x, string y)
        {
            var xs = Words(x);
            var ys = Words(y);
            if (xs.Length == 0 || ys.Length == 0) return 0;
            double covered = Covered(xs, ys) + Covered(ys, xs);
            double total = xs.Sum(w => w.Length) + ys.Sum(w => w.Length);
            return covered / total;
        }

        static double Covered(string[] words, string[] other)
        {
            double sum = 0;
            foreach (var w in words)
            {
                var best = other.Max(o => WholeSimilarity(w, o));
                if (best >= WordThreshold) sum += best * w.Length;
            }
            return sum;
        }

        static readonly char[] Separators = { ' ', '-', '_', '/', ',', '.', '(', ')' };

        static string[] Words(string s) => s.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Lower case, trimmed, runs of white space made one space.</summary>
        static string Normalize(string? s) =>
            string.Join(" ", (s ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        /// <summary>
        /// Edit distance with adjacent transpositions (optimal string alignment): insertions, deletions, substitutions
        /// and swapping two neighbouring letters each cost 1, so "Swtich" is one edit from "Switch".
        /// </summary>
        public static int Distance(string a, string b)
        {
            if (a.Length == 0) return b.Length;
            if (b.Length == 0) return a.Length;
            var before = new int[b.Length + 1];   // row i-2
            var previous = new int[b.Length + 1]; // row i-1
            var current = new int[b.Length + 1];  // row i
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                    current[j] = d;
                }
                (before, previous, current) = (previous, current, before);
            }
            return previous[b.Length];
        }
    }
}
