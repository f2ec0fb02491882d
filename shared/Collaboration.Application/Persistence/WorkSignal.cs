namespace Collaboration.Application.Persistence;

/// <summary>
/// An in-process wake-up for a polling worker: <see cref="Set"/> from the writer, <see cref="WaitAsync"/> in the
/// worker's idle wait. A set that comes while nobody waits is kept (once), so a wake-up between a pass finding
/// nothing and the wait starting is not lost; a spurious wake-up only costs one empty pass.
/// </summary>
public sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Dispose() => _semaphore.Dispose();

    public void Set()
    {
        try
        {
            if (_semaphore.CurrentCount == 0) _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another writer set it at the same moment: one pending wake-up is all it takes.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);
}
