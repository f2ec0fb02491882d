namespace Collaboration.Benchmarks.Load;

/// <summary>
/// Log-linear latency histogram in microseconds: exact below 1 ms, then 64 sub-buckets per power of two (under 1.6 %
/// error), up to about 70 minutes. One per worker, merged at the end, so recording takes no lock.
/// </summary>
public sealed class LatencyHistogram
{
    private const int LinearLimit = 1024;
    private const int SubBuckets = 64;
    private const int Powers = 32;
    private readonly long[] _counts = new long[LinearLimit + Powers * SubBuckets];

    public long Count { get; private set; }
    public long MaxMicros { get; private set; }
    public double SumMicros { get; private set; }

    public void Record(long micros)
    {
        if (micros < 0) micros = 0;
        _counts[IndexOf(micros)]++;
        Count++;
        SumMicros += micros;
        if (micros > MaxMicros) MaxMicros = micros;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
        SumMicros += other.SumMicros;
        MaxMicros = Math.Max(MaxMicros, other.MaxMicros);
    }

    /// <summary>The smallest recorded value (bucket upper bound) at or below which <paramref name="percentile"/> % of samples lie.</summary>
    public double PercentileMillis(double percentile)
    {
        if (Count == 0) return double.NaN;
        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank) return Math.Min(UpperBound(i), MaxMicros) / 1000.0;
        }
        return MaxMicros / 1000.0;
    }

    public double MeanMillis => Count == 0 ? double.NaN : SumMicros / Count / 1000.0;

    private static int IndexOf(long micros)
    {
        if (micros < LinearLimit) return (int)micros;
        var power = 63 - (int)long.LeadingZeroCount(micros); // >= 10
        var sub = (int)((micros >> (power - 6)) & (SubBuckets - 1));
        var index = LinearLimit + (power - 10) * SubBuckets + sub;
        return Math.Min(index, LinearLimit + Powers * SubBuckets - 1);
    }

    private static long UpperBound(int index)
    {
        if (index < LinearLimit) return index;
        var power = (index - LinearLimit) / SubBuckets + 10;
        var sub = (index - LinearLimit) % SubBuckets;
        var width = 1L << (power - 6);
        return (1L << power) + (sub + 1) * width - 1;
    }
}
