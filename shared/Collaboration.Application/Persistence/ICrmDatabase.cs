namespace Collaboration.Application.Persistence;

/// <summary>
/// Where the use cases get their unit of work: a <see cref="CrmDbContext"/> filtered to one tenant, on whichever
/// provider the host configured (Collaboration.Infrastructure's <c>CrmDatabase</c>).
/// </summary>
public interface ICrmDatabase
{
    CrmDbContext Open(string? tenantId);

    CrmDbContext Open(CurrentTenant tenant);

    /// <summary>
    /// Set when a unit of work of this process committed outbox rows, so the outbox dispatcher in the same process
    /// starts at once instead of at its next poll. Writes by other processes are still found by polling.
    /// </summary>
    WorkSignal OutboxWritten { get; }

    /// <summary>Set when the outbox dispatcher of this process committed deliveries, so the sender starts at once.</summary>
    WorkSignal DeliveriesWritten { get; }
}
