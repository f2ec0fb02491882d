using System.Diagnostics;

namespace Collaboration.Addin.Tests.Hostile;

/// <summary>
/// Tests that assert how far the process's peak working set grew during one request. The peak belongs to the whole
/// test process, so these run alone, after the parallel tests: another class's large upload must not count as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresProcessMemory
{
    public const string Name = "Measures the process's peak memory";
}

public static class ProcessPeakMemory
{
    /// <summary>
    /// How far the peak working set rose above the working set at the start while <paramref name="work"/> ran.
    /// Earlier tests' garbage is collected first, so a collection of it cannot land inside the measured request, and
    /// on Linux the kernel's high-water mark is reset (clear_refs 5), so an older, higher peak cannot hide the growth.
    /// </summary>
    public static async Task<long> GrowthDuringAsync(Func<Task> work)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        TryResetPeak();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.PeakWorkingSet64;

        await work();

        process.Refresh();
        // The kernel's RSS counters are batched per CPU, so a request that grew nothing can read a few pages below the start.
        return Math.Max(0, process.PeakWorkingSet64 - before);
    }

    private static void TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the growth is then measured above the older peak, which is weaker but sound.
        }
    }
}
