using System.Globalization;
using System.Text;

namespace Megaport.Simulator.Platform;

/// <summary>
/// A one-page PDF 1.4 of text lines (Helvetica), small and valid: what the letter of authorisation endpoint serves.
/// Characters outside printable ASCII become '?', which is enough for port and data centre names.
/// </summary>
public static class LoaPdf
{
    public static byte[] Build(string title, IReadOnlyList<string> lines)
    {
        var content = new StringBuilder();
        content.Append("BT\n/F2 18 Tf\n72 770 Td\n(").Append(Escape(title)).Append(") Tj\n/F1 11 Tf\n0 -30 Td\n");
        foreach (var line in lines) content.Append('(').Append(Escape(line)).Append(") Tj\n0 -16 Td\n");
        content.Append("ET\n");
        var stream = Encoding.ASCII.GetBytes(content.ToString());

        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        };
        using var pdf = new MemoryStream();
        void Write(string s) { var b = Encoding.ASCII.GetBytes(s); pdf.Write(b, 0, b.Length); }
        Write("%PDF-1.4\n");
        pdf.Write([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]); // a binary comment line, as PDF writers add
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        offsets.Add(pdf.Position);
        Write($"6 0 obj\n<< /Length {stream.Length} >>\nstream\n");
        pdf.Write(stream);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        var table = new StringBuilder().Append("xref\n0 ").Append(offsets.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var o in offsets) table.Append(o.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        Write(table.ToString());
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '(' or ')' or '\\') sb.Append('\\').Append(c);
            else if (c < 32 || c > 126) sb.Append('?');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
