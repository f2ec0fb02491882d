namespace Collaboration.Domain.Texts;

/// <summary>One command as the bot's help card and the Teams app manifest's commandLists show it.</summary>
/// <param name="Listed">Shown in the help card and the manifest's command menu; false for a shortcut another entry already teaches.</param>
public sealed record CommandInfo(string Title, string TitleZh, string Example, string ExampleZh, string Description, string DescriptionZh, bool Listed = true)
{
    public string TitleIn(string? locale) => TextCatalog.IsChinese(locale) ? TitleZh : Title;
    public string ExampleIn(string? locale) => TextCatalog.IsChinese(locale) ? ExampleZh : Example;
    public string DescriptionIn(string? locale) => TextCatalog.IsChinese(locale) ? DescriptionZh : Description;
}

/// <summary>
/// The commands the bot understands, in both languages: their words are the catalog's "commands" section, their order and
/// whether they are listed are here. The bot's help card and the manifest generator both read <see cref="Listed"/>.
/// </summary>
public static class CommandCatalog
{
    /// <summary>The most commands one Teams manifest command list may hold (schema v1.24 and later).</summary>
    public const int MaxListed = 12;

    private static readonly (string Key, bool Listed)[] Order =
    [
        ("new_deal", true), ("my_deals", true), ("reminders", false), ("show", true), ("mute", false), ("unmute", false),
        ("move", true), ("advance", false), ("budget", true), ("decision_maker", false), ("need", false), ("timeline", false),
        ("log", true), ("won", true), ("lost", false), ("amount", false), ("closes", false), ("probability", false),
        ("next_step", false), ("contact", false), ("assign", false), ("rename", false), ("reopen", false), ("start_plan", false),
        ("pipeline", true), ("forecast", true), ("subscribe", false), ("win_rate", true), ("quota", false),
        ("why_did_we_lose", false), ("reviews", true), ("help", true), ("my_team", false), ("who_is_my_manager", false),
        ("settings", false), ("quiet_hours", false), ("unsubscribe", false), ("parked", false),
        ("approval.quote", false),
        ("milestones.contract", false), ("milestones.paid", false), ("milestones.delivered", false),
    ];

    /// <summary>Every command the bot understands, including shortcuts that are not listed.</summary>
    public static IReadOnlyList<CommandInfo> Commands { get; } = Order.Select(c => Read(c.Key, c.Listed)).ToArray();

    /// <summary>What the help card lists and the Teams manifest's command menu shows: the same set, in the same order, at most <see cref="MaxListed"/>.</summary>
    public static IReadOnlyList<CommandInfo> Listed { get; } = Commands.Where(c => c.Listed).ToArray() is { Length: <= MaxListed } listed
        ? listed
        : throw new InvalidOperationException($"At most {MaxListed} commands can be listed: the Teams manifest allows no more per command list.");

    /// <summary>The catalog keys of the commands, in order (for the test that finds every "commands" text used).</summary>
    public static IEnumerable<string> Keys => Order.Select(c => c.Key);

    private static CommandInfo Read(string key, bool listed)
    {
        string En(string part) => Text(key, part, TextCatalog.English);
        string Zh(string part) => Text(key, part, TextCatalog.Chinese);
        return new CommandInfo(En("title"), Zh("title"), En("example"), Zh("example"), En("description"), Zh("description"), listed);
    }

    private static string Text(string key, string part, string language) =>
        TextCatalog.All(language).TryGetValue($"commands.{key}.{part}", out var text)
            ? text
            : throw new InvalidOperationException($"The text catalog {language} has no commands.{key}.{part}.");
}
