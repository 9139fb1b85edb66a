using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace MegaportTests
{
    /// <summary>
    /// Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what headless Chromium's --screenshot writes) far enough to
    /// tell a drawn page from a blank one: its size, how many colours it uses and how much of it differs from the
    /// most common (background) colour. Test helper only; loaded with Add-Type.
    /// </summary>
    public sealed class PngPixels
    {
        public int Width { get; private set; }
        public int Height { get; private set; }
        public int DistinctColours { get; private set; }
        /// <summary>The share of pixels (0..1) that are not the most common colour.</summary>
        public double NonBackground { get; private set; }

        public static PngPixels Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            byte[] signature = { 137, 80, 78, 71, 13, 10, 26, 10 };
            for (var i = 0; i < 8; i++) if (bytes[i] != signature[i]) throw new InvalidDataException("not a PNG");
            int width = 0, height = 0, depth = 0, colour = 0, interlace = 0;
            var idat = new MemoryStream();
            for (var at = 8; at + 8 <= bytes.Length;)
            {
                var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var data = at + 8;
                if (type == "IHDR")
                {
                    width = (bytes[data] << 24) | (bytes[data + 1] << 16) | (bytes[data + 2] << 8) | bytes[data + 3];
                    height = (bytes[data + 4] << 24) | (bytes[data + 5] << 16) | (bytes[data + 6] << 8) | bytes[data + 7];
                    depth = bytes[data + 8]; colour = bytes[data + 9]; interlace = bytes[data + 12];
                }
                else if (type == "IDAT") idat.Write(bytes, data, length);
                else if (type == "IEND") break;
                at = data + length + 4;
            }
            if (depth != 8 || interlace != 0 || (colour != 2 && colour != 6)) throw new InvalidDataException($"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})");
            var bpp = colour == 6 ? 4 : 3;
            var stride = width * bpp;
            var raw = new MemoryStream();
            idat.Position = 0;
            using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
            var src = raw.ToArray();
            var prev = new byte[stride];
            var line = new byte[stride];
            var counts = new Dictionary<int, int>();
            for (var y = 0; y < height; y++)
            {
                var row = y * (stride + 1);
                var filter = src[row];
                for (var x = 0; x < stride; x++)
                {
                    int a = x >= bpp ? line[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
                    int v = src[row + 1 + x];
                    line[x] = (byte)(filter switch
                    {
                        0 => v,
                        1 => v + a,
                        2 => v + b,
                        3 => v + ((a + b) >> 1),
                        4 => v + Paeth(a, b, c),
                        _ => throw new InvalidDataException("bad filter " + filter),
                    });
                }
                for (var x = 0; x < width; x++)
                {
                    var key = (line[x * bpp] << 16) | (line[x * bpp + 1] << 8) | line[x * bpp + 2];
                    counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
                }
                (prev, line) = (line, prev);
            }
            var most = 0;
            foreach (var n in counts.Values) most = Math.Max(most, n);
            return new PngPixels
            {
                Width = width, Height = height, DistinctColours = counts.Count,
                NonBackground = 1 - most / (double)((long)width * height),
            };
        }

        static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
