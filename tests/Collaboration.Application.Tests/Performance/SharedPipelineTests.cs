using System.Text.Json;
using Collaboration.Application.Administration;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure.Persistence;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Performance;

/// <summary>A tenant's pipeline is parsed once per text and shared by every read; a change reads as the new pipeline at once.</summary>
public class SharedPipelineTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ReadsShareOnePipelineUntilItChangesThenTheNewOneShowsAtOnce(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var admin = new PipelineAdministration(host.Db.Database, TimeProvider.System);
        var actor = new Actor(CrmTestHost.TenantA, "aad-admin", ChangeSurface.Api);
        var first = await admin.GetAsync(actor);
        var renamed = first with { Stages = first.Stages.Select(s => s.Stage == Stage.Proposal ? s with { Name = "Offer " + kind } : s).ToList() };
        await admin.ChangeAsync(actor, renamed, first.Version);

        var read = await admin.GetAsync(actor);
        var readAgain = await admin.GetAsync(actor);

        Assert.Same(read, readAgain);
        Assert.Equal("Offer " + kind, read.For(Stage.Proposal).Name);
        Assert.Equal(first.Version + 1, read.Version);
        await admin.ChangeAsync(actor, read with { QualificationThreshold = 65 }, read.Version);
        var changed = await admin.GetAsync(actor);
        Assert.Equal(65, changed.QualificationThreshold);
        Assert.Equal("Offer " + kind, changed.For(Stage.Proposal).Name);
    }

    [Fact]
    public void TextsKeptAreBoundedAndEachTextStillGivesItsOwnValue()
    {
        var texts = Enumerable.Range(0, JsonValueConversions.ParsedOnce<PipelineSettings>.MaxEntries + 500)
            .Select(i => JsonSerializer.Serialize(PipelineSettings.Default with { DefaultCurrency = $"C{i:D4}" }, JsonValueConversions.Options))
            .ToList();

        foreach (var text in texts) JsonValueConversions.ParsedOnce<PipelineSettings>.Parse(text);

        Assert.InRange(JsonValueConversions.ParsedOnce<PipelineSettings>.Count, 1, JsonValueConversions.ParsedOnce<PipelineSettings>.MaxEntries);
        Assert.Equal("C0007", JsonValueConversions.ParsedOnce<PipelineSettings>.Parse(texts[7]).DefaultCurrency);
        Assert.Same(JsonValueConversions.ParsedOnce<PipelineSettings>.Parse(texts[^1]), JsonValueConversions.ParsedOnce<PipelineSettings>.Parse(texts[^1]));
    }
}
