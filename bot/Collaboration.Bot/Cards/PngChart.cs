using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Collaboration.Bot.Cards;

/// <summary>
/// Bar and funnel charts as small PNG images for Adaptive Cards, with no native or drawing dependency: filled
/// rectangles on a transparent RGBA canvas (so they read on light and dark Teams themes), encoded by hand (IHDR, one
/// zlib IDAT, IEND, CRC-32 per chunk). Bars carry no text: the card's FactSet beside the image lists the same rows in the
/// same order with their numbers and labels, which keeps user text out of pixels and readable by screen readers.
/// </summary>
public static class PngChart
{
    public const int Width = 480;
    public const int RowHeight = 28;
    public const int BarHeight = 20;
    public const int MaxBars = 12;

    public static readonly Rgba Accent = new(0x5B, 0x5F, 0xC7);
    public static readonly Rgba AccentLight = new(0x5B, 0x5F, 0xC7, 0x60);
    public static readonly Rgba Good = new(0x2E, 0x9E, 0x44);
    public static readonly Rgba Bad = new(0xD1, 0x34, 0x38);
    public static readonly Rgba Track = new(0x80, 0x80, 0x80, 0x28);

    /// <summary>
    /// One row per bar (at most <see cref="MaxBars"/>), scaled to the longest; a faint track marks each row so a zero
    /// still shows. A funnel centres its bars.
    /// </summary>
    public static byte[] Bars(IReadOnlyList<ChartBar> bars, bool funnel = false)
    {
        var rows = bars.Take(MaxBars).ToList();
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        var canvas = new Canvas(Width, height);
        var max = Math.Max(rows.Select(b => b.Total).DefaultIfEmpty(0).Max(), double.Epsilon);
        const int left = 4;
        const int room = Width - 2 * left;
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 4 + i * RowHeight + (RowHeight - BarHeight) / 2;
            canvas.Fill(left, y, room, BarHeight, Track);
            var total = (int)Math.Round(rows[i].Total / max * room);
            var x = funnel ? left + (room - total) / 2 : left;
            var drawn = 0.0;
            foreach (var (value, color) in rows[i].Segments)
            {
                var from = (int)Math.Round(drawn / max * room);
                drawn += Math.Max(0, value);
                var to = (int)Math.Round(drawn / max * room);
                if (to - from <= 0 && value > 0) to = from + 1;
                canvas.Fill(x + from, y, to - from, BarHeight, color);
            }
        }
        return canvas.ToPng();
    }

    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    /// <summary>An RGBA pixel buffer that fills rectangles and encodes itself as PNG.</summary>
    public sealed class Canvas(int width, int height)
    {
        private readonly byte[] _pixels = new byte[checked(width * height * 4)];

        public int Width { get; } = width;
        public int Height { get; } = height;

        public void Fill(int x, int y, int w, int h, Rgba color)
        {
            var x0 = Math.Clamp(x, 0, Width);
            var x1 = Math.Clamp(x + w, 0, Width);
            var y0 = Math.Clamp(y, 0, Height);
            var y1 = Math.Clamp(y + h, 0, Height);
            for (var row = y0; row < y1; row++)
            {
                for (var col = x0; col < x1; col++)
                {
                    var i = (row * Width + col) * 4;
                    _pixels[i] = color.R;
                    _pixels[i + 1] = color.G;
                    _pixels[i + 2] = color.B;
                    _pixels[i + 3] = color.A;
                }
            }
        }

        public Rgba this[int x, int y]
        {
            get
            {
                var i = (y * Width + x) * 4;
                return new Rgba(_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]);
            }
        }

        public byte[] ToPng() => Png.Encode(Width, Height, _pixels);
    }
}
