using System.Globalization;
using Collaboration.Application.Imports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Products;

namespace Collaboration.Application.Products;

/// <summary>
/// Products from a CSV read by the import reader within its limits (at most <see cref="ProductCatalog.MaxProducts"/> rows):
/// columns code, name, unit, active, and one price column per currency named by its code ("USD", "price CNY").
/// Listed products are added or updated; one bad row refuses the file, naming every bad row.
/// </summary>
public sealed class ProductImport(IImportFileReader reader, ImportLimits limits, ProductCatalog catalog)
{
    public const int MaxBytes = 1024 * 1024;

    public async Task<IReadOnlyList<ProductEntry>> ImportAsync(Actor admin, byte[] content, CancellationToken ct = default)
    {
        if (content.Length > MaxBytes) throw new ImportFileException($"A products file has at most {MaxBytes} bytes.");
        var table = reader.Read(content, "products.csv", limits with { MaxRows = Math.Min(limits.MaxRows, ProductCatalog.MaxProducts) });
        var columns = table.Columns.Select(c => c.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => columns.IndexOf(name);
        var (code, name, unit, active) = (Column("code"), Column("name"), Column("unit"), Column("active"));
        if (code < 0 || name < 0) throw new ImportFileException("A products file needs the columns code and name.");
        var prices = columns.Select((c, i) => (Currency: c.Replace("price", "", StringComparison.Ordinal).Trim().ToUpperInvariant(), Index: i))
            .Where(c => c.Currency.Length == 3 && c.Currency.All(char.IsAsciiLetterUpper) && c.Index != code && c.Index != name && c.Index != unit && c.Index != active)
            .ToList();
        var entries = new List<ProductEntry>();
        var problems = new List<FieldProblem>();
        foreach (var row in table.Rows)
        {
            string Cell(int i) => i >= 0 && i < row.Cells.Count ? row.Cells[i].Trim() : "";
            var rowPrices = new List<ProductPrice>();
            foreach (var (currency, index) in prices.Where(p => Cell(p.Index).Length > 0))
            {
                if (decimal.TryParse(Cell(index), NumberStyles.Number, CultureInfo.InvariantCulture, out var price)) rowPrices.Add(new ProductPrice(currency, price));
                else problems.Add(Problem(row.Line, $"the {currency} price is not a number"));
            }
            var isActive = Cell(active).ToLowerInvariant() is not ("false" or "no" or "0" or "inactive");
            var entry = new ProductEntry(Cell(code), Cell(name), Cell(unit), rowPrices, isActive);
            try
            {
                _ = new Product(admin.TenantId, entry.Code, entry.Name, entry.Unit, entry.Prices, entry.Active);
                entries.Add(entry);
            }
            catch (DomainException refused)
            {
                problems.Add(Problem(row.Line, refused.Error.Describe(admin.Locale)));
            }
        }
        if (problems.Count > 0) throw new InvalidFieldsException("convert.invalid_products", problems);
        try
        {
            return await catalog.MergeAsync(admin, entries, ct);
        }
        catch (InvalidFieldsException refused)
        {
            // The catalog names entries by their index; the admin knows the file by its lines.
            throw new InvalidFieldsException("convert.invalid_products", refused.Problems.Select(p =>
                p.Field.StartsWith('[') && int.TryParse(p.Field[1..p.Field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var i) && i < table.Rows.Count
                    ? p with { Field = string.Create(CultureInfo.InvariantCulture, $"line {table.Rows[i].Line}") } : p).ToList());
        }
    }

    private static FieldProblem Problem(int line, string detail) => FieldProblem.Of(string.Create(CultureInfo.InvariantCulture, $"line {line}"), "invalid_import_line",
        ("line", line.ToString(CultureInfo.InvariantCulture)), ("detail", detail));
}
