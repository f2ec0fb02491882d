using Collaboration.Domain.Quotes;

namespace Collaboration.Application.Quotes;

/// <summary>Writes a quote as a Word document from the tenant's template (logo, company, terms), in the reader's language.</summary>
public interface IQuoteDocumentWriter
{
    byte[] Write(QuoteView quote, ConvertSettings template, string locale, DateOnly date);
}
