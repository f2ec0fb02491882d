using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Domain.Texts;

namespace Collaboration.Bot;

/// <summary>Every sentence the bot says, in English and Simplified Chinese: the "bot" section of the text catalog (shared/texts).</summary>
public static class BotTexts
{
    private const string Section = "bot.";

    public static bool IsChinese(string? locale) => ErrorMessages.IsChinese(locale);

    /// <summary>The locale the bot answers in: zh-Hans for any Chinese locale, else en-US.</summary>
    public static string Normalize(string? locale) => IsChinese(locale) ? "zh-Hans" : "en-US";

    public static string T(string key, string? locale, params (string Name, string Value)[] values) =>
        TextCatalog.Format(Section + key, locale, values);

    public static IEnumerable<string> Keys => TextCatalog.KeysOf("bot");

    public static string Phase(Domain.Pipeline.Phase phase, string? locale) => T($"phase.{phase}", locale);

    public static string Kind(InteractionKind kind, string? locale) => Named($"kind.{kind}", $"kind.{InteractionKind.Note}", locale);

    public static string BudgetStatus(BudgetStatus status, string? locale) =>
        Named($"budget_status.{status}", $"budget_status.{Domain.Qualification.BudgetStatus.Unknown}", locale);

    public static string Need(NeedLevel need, string? locale) => Named($"need.{need}", $"need.{NeedLevel.Unknown}", locale);

    public static string Timeframe(Timeframe timeframe, string? locale) =>
        Named($"timeframe.{timeframe}", $"timeframe.{Domain.Qualification.Timeframe.Unknown}", locale);

    public static string Rating(Rating rating, string? locale) => Named($"rating.{rating}", $"rating.{Domain.Qualification.Rating.Cold}", locale);

    public static string Money(decimal? amount, string currency, string? locale) =>
        amount is { } a ? $"{a.ToString(a == decimal.Truncate(a) ? "N0" : "N2", CultureInfo.InvariantCulture)} {currency}" : T("none", locale);

    public static string When(DateTimeOffset? at, string? locale) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : T("none", locale);

    public static string Date(DateOnly? date, string? locale) =>
        date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : T("none", locale);

    /// <summary>An enum value's text ("kind.Call"); a value the catalog does not name reads as <paramref name="otherwise"/>.</summary>
    private static string Named(string key, string otherwise, string? locale) =>
        T(TextCatalog.Contains(Section + key) ? key : otherwise, locale);
}
