using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests;

/// <summary>
/// The hosts migrate without comparing the model with the migrations' snapshot (it costs a second model at every start),
/// so the comparison is made here: a change to an entity or its configuration without a migration fails this test.
/// </summary>
public class MigrationsTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task ModelMatchesTheMigrations(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.Database.Open((string?)null);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {kind} model has changes no migration carries: add one for each provider (see the README).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
