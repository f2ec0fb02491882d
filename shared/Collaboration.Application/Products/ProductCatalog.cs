using System.Globalization;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Products;

/// <summary>A product as admins list and send it.</summary>
public sealed record ProductEntry(string Code, string Name, string? Unit, IReadOnlyList<ProductPrice> Prices, bool Active);

/// <summary>The tenant's products: listed, and replaced as a whole (a product left out is made inactive, never deleted: quotes name it).</summary>
public sealed class ProductCatalog(ICrmDatabase database)
{
    public const int MaxProducts = 5_000;

    public async Task<IReadOnlyList<ProductEntry>> ListAsync(Actor actor, bool activeOnly = false, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var products = await db.Products.AsNoTracking().Where(p => !activeOnly || p.Active).ToListAsync(ct);
        return products.OrderBy(p => p.Code, StringComparer.Ordinal).Select(View).ToList();
    }

    /// <summary>All or nothing: a refusal names each entry's problem (<c>[3].prices</c>) and nothing is saved.</summary>
    public async Task<IReadOnlyList<ProductEntry>> ReplaceAsync(Actor admin, IReadOnlyList<ProductEntry> entries, CancellationToken ct = default) =>
        await SaveAsync(admin, entries, deactivateMissing: true, ct);

    /// <summary>Adds or updates the given products and leaves the others as they are (a CSV import).</summary>
    public async Task<IReadOnlyList<ProductEntry>> MergeAsync(Actor admin, IReadOnlyList<ProductEntry> entries, CancellationToken ct = default) =>
        await SaveAsync(admin, entries, deactivateMissing: false, ct);

    private async Task<IReadOnlyList<ProductEntry>> SaveAsync(Actor admin, IReadOnlyList<ProductEntry> entries, bool deactivateMissing, CancellationToken ct)
    {
        if (entries.Count > MaxProducts)
        {
            throw new InvalidFieldsException("convert.invalid_products", [FieldProblem.Of("products", "too_many", ("max", MaxProducts.ToString(CultureInfo.InvariantCulture)))]);
        }
        await using var db = database.Open(admin.TenantId);
        var existing = (await db.Products.ToListAsync(ct)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            try
            {
                var code = Product.NormalizeCode(e.Code);
                if (!seen.Add(code)) throw new DomainException(DomainError.Of("duplicate_key", ("value", code)));
                if (existing.TryGetValue(code, out var product)) product.Change(e.Name, e.Unit, e.Prices ?? [], e.Active);
                else db.Products.Add(existing[code] = new Product(admin.TenantId, code, e.Name, e.Unit, e.Prices ?? [], e.Active));
            }
            catch (DomainException ex)
            {
                var field = ex.Error.Values.TryGetValue("field", out var f) ? $"[{i}].{f}" : $"[{i}]";
                problems.Add(new FieldProblem(field, ex.Error));
            }
        }
        if (problems.Count > 0) throw new InvalidFieldsException("convert.invalid_products", problems);
        if (deactivateMissing)
        {
            foreach (var product in existing.Values.Where(p => !seen.Contains(p.Code) && p.Active)) product.Change(product.Name, product.Unit, product.Prices, false);
        }
        await db.SaveChangesAsync(ct);
        return existing.Values.OrderBy(p => p.Code, StringComparer.Ordinal).Select(View).ToList();
    }

    private static ProductEntry View(Product p) => new(p.Code, p.Name, p.Unit, p.Prices, p.Active);
}
