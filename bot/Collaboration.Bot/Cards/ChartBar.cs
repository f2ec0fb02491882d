using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Collaboration.Bot.Cards;

/// <summary>A colour with opacity.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255);

/// <summary>One horizontal bar made of stacked segments, drawn left to right in order.</summary>
public sealed record ChartBar(IReadOnlyList<(double Value, Rgba Color)> Segments)
{
    public static ChartBar Of(double value, Rgba color) => new([(value, color)]);
    public double Total => Segments.Sum(s => Math.Max(0, s.Value));
}
