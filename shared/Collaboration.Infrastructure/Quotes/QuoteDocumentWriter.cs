using System.Globalization;
using Collaboration.Application.Quotes;
using Collaboration.Domain.Common;
using Collaboration.Domain.Quotes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Infrastructure.Quotes;

/// <summary>
/// The quote as a .docx: the tenant's logo and company, the lines as a table, the totals and the terms in the reader's
/// language. Deal names and line texts are written as text runs only (never fields or markup), stripped of characters XML cannot hold.
/// </summary>
internal sealed class QuoteDocumentWriter : IQuoteDocumentWriter
{
    /// <summary>Twentieths of a point: the A4 text width shared by description, quantity, unit price, discount and amount.</summary>
    private static readonly string[] ColumnWidths = ["4200", "1300", "1500", "1138", "1500"];

    public byte[] Write(QuoteView quote, ConvertSettings template, string locale, DateOnly date)
    {
        var chinese = ErrorMessages.IsChinese(locale);
        var culture = CultureInfo.GetCultureInfo(chinese ? "zh-CN" : "en-US");
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            if (template.LogoPng is { Length: > 0 } logo) body.Append(QuoteDocumentLogo.Paragraph(main, logo));
            if (template.CompanyName is { } company) body.Append(Para(company, bold: true, size: 28, chinese));
            body.Append(Para($"{Term("quote", locale)} {quote.Number} · {quote.DealName}", bold: true, size: 32, chinese));
            body.Append(Para($"{Term("convert.quote_date", locale)}: {date.ToString(chinese ? "yyyy年M月d日" : "d MMMM yyyy", culture)}", false, 20, chinese));
            body.Append(LinesTable(quote, locale, culture, chinese));
            foreach (var (label, amount) in new[] { ("convert.subtotal", quote.Subtotal), ("convert.discount", -quote.Discount), ("convert.tax", quote.Tax), ("convert.total", quote.Total) })
            {
                var text = label == "convert.tax" ? $"{Term(label, locale)} ({quote.TaxRatePercent.ToString("0.##", culture)}%)" : Term(label, locale);
                body.Append(Para($"{text}: {MoneyText(amount, quote.Currency, culture)}", label == "convert.total", 22, chinese, JustificationValues.Right));
            }
            if ((chinese ? template.TermsZh ?? template.TermsEn : template.TermsEn ?? template.TermsZh) is { } terms)
            {
                body.Append(Para(Term("convert.terms", locale), true, 22, chinese));
                foreach (var line in terms.Split('\n')) body.Append(Para(line.TrimEnd('\r'), false, 20, chinese));
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table LinesTable(QuoteView quote, string locale, CultureInfo culture, bool chinese)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border),
            new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w })));
        string[] headers = ["convert.description", "convert.quantity", "convert.unit_price", "convert.discount", "convert.amount"];
        table.Append(Row(headers.Select(h => Term(h, locale)).ToArray(), bold: true, chinese));
        foreach (var line in quote.Lines)
        {
            var quantity = line.Quantity.ToString("0.###", culture) + (line.Unit is { } unit ? " " + unit : "");
            table.Append(Row(
            [
                line.ProductCode is { } code ? $"{line.Description} ({code})" : line.Description, quantity,
                MoneyText(line.UnitPrice, quote.Currency, culture, exact: true), line.DiscountPercent.ToString("0.##", culture) + "%",
                MoneyText(line.Amount, quote.Currency, culture),
            ], bold: false, chinese));
        }
        return table;
    }

    private static TableRow Row(string[] cells, bool bold, bool chinese) =>
        new(cells.Select((text, i) => new TableCell(Para(text, bold, 20, chinese, i == 0 ? JustificationValues.Left : JustificationValues.Right))));

    private static Paragraph Para(string text, bool bold, int size, bool chinese, JustificationValues? align = null)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = chinese ? "Microsoft YaHei" : "Calibri" });
        if (bold) runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph();
        if (align is { } a) paragraph.Append(new ParagraphProperties(new Justification { Val = a }));
        paragraph.Append(new Run(runProperties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static string MoneyText(decimal amount, string currency, CultureInfo culture, bool exact = false)
    {
        var decimals = Currencies.MinorUnits(currency);
        var format = exact ? "#,0." + new string('0', decimals) + "####" : "#,0." + new string('0', decimals);
        return $"{currency} {amount.ToString(decimals == 0 && !exact ? "#,0" : format, culture)}";
    }

    private static string Term(string key, string locale) => ErrorMessages.Term(key, locale) is { Length: > 0 } t && char.IsLower(t[0]) ? char.ToUpperInvariant(t[0]) + t[1..] : ErrorMessages.Term(key, locale);

    /// <summary>Drops what XML 1.0 cannot carry (control characters, lone surrogates); the rest is text, escaped by the SDK.</summary>
    internal static string XmlSafe(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { builder.Append(c).Append(text[++i]); continue; }
            if (char.IsSurrogate(c)) continue;
            if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) builder.Append(c);
        }
        return builder.ToString();
    }
}
