using System.Globalization;
using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Quotes;

public sealed record QuoteDocument(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>A quote of a deal the actor may see, as the tenant's Word document in the actor's language.</summary>
public sealed class QuoteDocuments(ICrmDatabase database, IQuoteDocumentWriter writer, TimeProvider clock)
{
    public async Task<QuoteDocument> ForAsync(Actor actor, Guid dealId, int number, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.OpportunityId == dealId && q.Number == number, ct)
            ?? throw new Domain.Common.NotFoundException("convert.quote");
        var settings = await QuoteService.SettingsAsync(db, actor.TenantId, ct);
        var content = writer.Write(QuoteView.Of(quote, deal.Name), settings, actor.Locale, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return new QuoteDocument(string.Create(CultureInfo.InvariantCulture, $"quote-{number}.docx"), content);
    }
}
