using System.Text;
using System.Text.Json;

namespace Collaboration.Domain.Texts;

/// <summary>
/// Every UI text, from one JSON catalog per language (shared/texts/en.json and zh-Hans.json, embedded here). A key is
/// "section.key" (nested objects join with dots); a text missing in Chinese falls back to English, a missing key shows itself.
/// </summary>
public static class TextCatalog
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    private static readonly IReadOnlyDictionary<string, string> EnglishTexts = Load(English);
    private static readonly IReadOnlyDictionary<string, string> ChineseTexts = Load(Chinese);

    /// <summary>zh, zh-CN, zh-Hans, zh-TW… read Chinese; anything else English.</summary>
    public static bool IsChinese(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The catalog language a locale reads: <see cref="Chinese"/> or <see cref="English"/>.</summary>
    public static string LanguageOf(string? locale) => IsChinese(locale) ? Chinese : English;

    public static bool Contains(string key) => EnglishTexts.ContainsKey(key);

    /// <summary>The text of a key in the locale's language, English when that language lacks it, the key itself when both do.</summary>
    public static string Get(string key, string? locale) =>
        (IsChinese(locale) && ChineseTexts.TryGetValue(key, out var zh)) ? zh
        : EnglishTexts.TryGetValue(key, out var en) ? en
        : key;

    /// <summary>The text with its named placeholders ({name}) filled; unknown placeholders stay as written.</summary>
    public static string Format(string key, string? locale, params (string Name, string Value)[] values)
    {
        // Most texts have no placeholder: a card draws dozens of them, and each was copied through a builder.
        var template = Get(key, locale);
        return values.Length == 0 || !template.Contains('{', StringComparison.Ordinal) ? template
            : Fill(template, name => Array.Find(values, v => v.Name == name) is { Name: not null } found ? found.Value : null);
    }

    /// <summary>Replaces each {name} in one pass, so a value that itself contains braces is never filled again.</summary>
    public static string Fill(string template, Func<string, string?> valueOf)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        var result = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, at, template.Length - at);
                break;
            }
            var name = template.Substring(open + 1, close - open - 1);
            var value = IsPlaceholderName(name) ? valueOf(name) : null;
            result.Append(template, at, open - at).Append(value ?? template.Substring(open, close - open + 1));
            at = close + 1;
        }
        return result.ToString();
    }

    /// <summary>The placeholder names a text uses, in order of appearance.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string text)
    {
        var names = new List<string>();
        Fill(text, name => { names.Add(name); return null; });
        return names;
    }

    /// <summary>Every key of one language (for the tests that hold both languages to the same keys).</summary>
    public static IReadOnlyDictionary<string, string> All(string language) =>
        language == Chinese ? ChineseTexts : language == English ? EnglishTexts : throw new ArgumentOutOfRangeException(nameof(language));

    /// <summary>The keys under one section ("bot", "errors"…), without the section's prefix.</summary>
    public static IEnumerable<string> KeysOf(string section) =>
        EnglishTexts.Keys.Where(k => k.StartsWith(section + ".", StringComparison.Ordinal)).Select(k => k[(section.Length + 1)..]);

    private static bool IsPlaceholderName(string name) =>
        name.Length is > 0 and <= 40 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static Dictionary<string, string> Load(string language)
    {
        var name = $"Collaboration.Texts.{language}.json";
        using var stream = typeof(TextCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The text catalog {name} is not embedded in {typeof(TextCatalog).Assembly.GetName().Name}.");
        using var document = JsonDocument.Parse(stream);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(document.RootElement, "", texts);
        return texts;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> texts)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object) Flatten(property.Value, key + ".", texts);
            else texts[key] = property.Value.GetString() ?? throw new InvalidOperationException($"The text {key} is not a string.");
        }
    }
}
