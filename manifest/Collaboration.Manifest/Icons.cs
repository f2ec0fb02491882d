namespace Collaboration.Manifest;

/// <summary>
/// Our logo, drawn rather than shipped: two interlocking white rings (two parties working together) on a blue rounded square.
/// Every icon either manifest names comes from here, at the size that place requires.
/// </summary>
public static class Icons
{
    public const string AccentHex = "#2D6CDF";
    private static readonly (byte R, byte G, byte B) Accent = (0x2D, 0x6C, 0xDF);

    /// <summary>The Teams color icon: 192x192, full colour.</summary>
    public static readonly IconSpec Color = new("color.png", 192, Outline: false);

    /// <summary>The Teams outline icon: 32x32, white on transparent.</summary>
    public static readonly IconSpec Outline = new("outline.png", 32, Outline: true);

    /// <summary>Icons the add-in backend serves under /assets: ribbon button (16, 32, 80), mobile button (25, 32, 48) and add-in icons (64, 128).</summary>
    public static readonly IReadOnlyList<IconSpec> Assets =
    [
        new("icon-16.png", 16, false),
        new("icon-25.png", 25, false),
        new("icon-32.png", 32, false),
        new("icon-48.png", 48, false),
        new("icon-64.png", 64, false),
        new("icon-80.png", 80, false),
        new("icon-128.png", 128, false),
    ];

    public static IconSpec Asset(int size) => Assets.Single(a => a.Size == size);

    public static byte[] Draw(IconSpec spec) => Png.Encode(spec.Size, spec.Size, spec.Outline ? Pixels(spec.Size, OutlineShape) : Pixels(spec.Size, ColorShape));

    private static byte[] Pixels(int size, Func<double, double, (double Alpha, bool White)> shape)
    {
        const int samples = 4;
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var (alpha, white) = shape((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
                        if (alpha <= 0) continue;
                        var (cr, cg, cb) = white ? ((byte)255, (byte)255, (byte)255) : Accent;
                        r += cr * alpha; g += cg * alpha; b += cb * alpha; a += alpha;
                    }
                }

                var i = (y * size + x) * 4;
                if (a > 0)
                {
                    rgba[i] = (byte)Math.Round(r / a);
                    rgba[i + 1] = (byte)Math.Round(g / a);
                    rgba[i + 2] = (byte)Math.Round(b / a);
                }

                rgba[i + 3] = (byte)Math.Round(255 * a / (samples * samples));
            }
        }

        return rgba;
    }

    // Unit square coordinates: (0,0) top left, (1,1) bottom right.
    private static (double Alpha, bool White) ColorShape(double x, double y)
    {
        if (!InRoundedSquare(x, y, radius: 0.2)) return (0, false);
        return (1, OnRings(x, y, offset: 0.11, radius: 0.2, thickness: 0.075));
    }

    private static (double Alpha, bool White) OutlineShape(double x, double y) =>
        OnRings(x, y, offset: 0.14, radius: 0.27, thickness: 0.1) ? (1, true) : (0, true);

    private static bool OnRings(double x, double y, double offset, double radius, double thickness) =>
        Math.Abs(Distance(x, y, 0.5 - offset, 0.5) - radius) <= thickness / 2
        || Math.Abs(Distance(x, y, 0.5 + offset, 0.5) - radius) <= thickness / 2;

    private static bool InRoundedSquare(double x, double y, double radius)
    {
        var cx = Math.Clamp(x, radius, 1 - radius);
        var cy = Math.Clamp(y, radius, 1 - radius);
        return Distance(x, y, cx, cy) <= radius;
    }

    private static double Distance(double x1, double y1, double x2, double y2) => Math.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2));
}

public sealed record IconSpec(string FileName, int Size, bool Outline);
