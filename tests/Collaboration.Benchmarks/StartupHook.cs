using Collaboration.Benchmarks.Load;

/// <summary>
/// .NET startup hook (the runtime calls it when DOTNET_STARTUP_HOOKS names this assembly; it must be in no namespace):
/// the bench sets that variable only on the hosts it starts, to count their SQL commands.
/// </summary>
#pragma warning disable CA1050 // The runtime looks for exactly `StartupHook` in the global namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(SqlCommandCounter.SocketVariable) is { Length: > 0 } socket) SqlCommandCounter.Start(socket);
        AllocationSampler.StartIfAsked();
    }
}
