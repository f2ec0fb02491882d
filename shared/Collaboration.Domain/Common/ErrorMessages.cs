using System.Globalization;
using Collaboration.Domain.Texts;

namespace Collaboration.Domain.Common;

/// <summary>
/// The texts of every <see cref="DomainError"/> code and the terms they name, in English and Simplified Chinese: the
/// catalog's "errors" section (codes), "errors.term" (terms) and "errors.web" (refusals the hosts word themselves).
/// </summary>
public static class ErrorMessages
{
    private const string Section = "errors.";
    private const string TermSection = "errors.term.";

    public static bool IsChinese(string? locale) => TextCatalog.IsChinese(locale);

    /// <summary>A text of the "errors" section that is not a domain error code ("web.fix_fields").</summary>
    public static string Text(string key, string? locale) => TextCatalog.Get(Section + key, locale);

    public static string Term(string key, string? locale) =>
        TextCatalog.Contains(TermSection + key) ? TextCatalog.Get(TermSection + key, locale) : key;

    /// <summary>Turns a comma-separated list of term keys into the localized list.</summary>
    public static string TermList(IEnumerable<string> keys, string? locale) =>
        string.Join(IsChinese(locale) ? "、" : ", ", keys.Select(k => Term(k, locale)));

    public static string Format(DomainError error, string? locale)
    {
        if (!TextCatalog.Contains(Section + error.Code) || !IsCode(error.Code))
        {
            return error.Code;
        }
        var values = error.Values;
        return TextCatalog.Fill(TextCatalog.Get(Section + error.Code, locale), name =>
            values.TryGetValue(name, out var value)
                ? name is "missing" or "what" ? TermList(value.Split(',', StringSplitOptions.RemoveEmptyEntries), locale) : value
                : null);
    }

    public static IEnumerable<string> KnownCodes => TextCatalog.KeysOf("errors").Where(IsCode);

    /// <summary>A code is a top-level key, or one of a feature's own group ("convert.quote_empty"); terms and web texts are not.</summary>
    private static bool IsCode(string key) =>
        !key.StartsWith("term.", StringComparison.Ordinal) && !key.StartsWith("web.", StringComparison.Ordinal);

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
