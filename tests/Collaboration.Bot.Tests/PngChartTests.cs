using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Collaboration.Bot.Cards;

namespace Collaboration.Bot.Tests;

public sealed class PngChartTests
{
    /// <summary>Reads a PNG back: checks the signature and every chunk's CRC, and inflates the pixels.</summary>
    private static (int Width, int Height, byte[] Rgba) Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var offset = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var types = new List<string>();
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.Compute(png.AsSpan(offset + 4, length + 4)), crc);
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(new byte[] { 8, 6, 0, 0, 0 }, data[8..].ToArray());
            }
            if (type == "IDAT") idat.Write(data);
            offset += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        Assert.Equal(height * (width * 4 + 1), raw.Length);
        var pixels = new byte[width * height * 4];
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (width * 4 + 1)]);
            Array.Copy(raw, row * (width * 4 + 1) + 1, pixels, row * width * 4, width * 4);
        }
        return (width, height, pixels);
    }

    private static Rgba Pixel((int Width, int Height, byte[] Rgba) image, int x, int y)
    {
        var i = (y * image.Width + x) * 4;
        return new Rgba(image.Rgba[i], image.Rgba[i + 1], image.Rgba[i + 2], image.Rgba[i + 3]);
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void ACanvasRoundTripsThroughTheEncoder()
    {
        var canvas = new PngChart.Canvas(7, 5);
        canvas.Fill(1, 1, 3, 2, new Rgba(10, 20, 30));
        canvas.Fill(5, 0, 10, 10, new Rgba(1, 2, 3, 4));

        var image = Decode(canvas.ToPng());

        Assert.Equal((7, 5), (image.Width, image.Height));
        Assert.Equal(new Rgba(10, 20, 30), Pixel(image, 3, 2));
        Assert.Equal(new Rgba(0, 0, 0, 0), Pixel(image, 4, 2));
        Assert.Equal(new Rgba(1, 2, 3, 4), Pixel(image, 6, 4));
    }

    [Fact]
    public void BarsScaleToTheLongestAndAFunnelCentresThem()
    {
        var bars = PngChart.Bars([ChartBar.Of(10, PngChart.Accent), ChartBar.Of(5, PngChart.Accent), ChartBar.Of(0, PngChart.Accent)], funnel: true);

        var image = Decode(bars);

        Assert.Equal((PngChart.Width, 3 * PngChart.RowHeight + 8), (image.Width, image.Height));
        int Row(int i) => 4 + i * PngChart.RowHeight + PngChart.RowHeight / 2;
        Assert.Equal(PngChart.Accent, Pixel(image, 5, Row(0)));
        Assert.Equal(PngChart.Accent, Pixel(image, PngChart.Width - 5, Row(0)));
        Assert.Equal(PngChart.Track, Pixel(image, 5, Row(1)));
        Assert.Equal(PngChart.Accent, Pixel(image, PngChart.Width / 2, Row(1)));
        Assert.Equal(PngChart.Track, Pixel(image, PngChart.Width / 2, Row(2)));
        Assert.Equal(new Rgba(0, 0, 0, 0), Pixel(image, 0, 0));
    }

    [Fact]
    public void StackedSegmentsFollowEachOther()
    {
        var image = Decode(PngChart.Bars([new ChartBar([(3, PngChart.Good), (1, PngChart.Bad)])]));

        var y = 4 + PngChart.RowHeight / 2;
        Assert.Equal(PngChart.Good, Pixel(image, 10, y));
        Assert.Equal(PngChart.Bad, Pixel(image, PngChart.Width - 10, y));
    }

    [Fact]
    public void TheLargestChartStaysFarBelowTheCardBudget()
    {
        var bars = Enumerable.Range(1, 40).Select(i => new ChartBar([(i * 7 % 13 + 1, PngChart.Good), (i % 5, PngChart.Bad), (i % 3, PngChart.AccentLight)])).ToList();

        var png = PngChart.Bars(bars);

        Assert.Equal(PngChart.MaxBars * PngChart.RowHeight + 8, Decode(png).Height);
        Assert.True(PngChart.DataUri(png).Length < 30_000, $"{png.Length} bytes");
    }
}
