namespace Collaboration.Bot.Commands;

/// <summary>A command about a deal's quote, typed ("quote Contoso") or clicked on a quote card.</summary>
public abstract record QuoteCommand(string DealName) : DealCommand(DealName);

/// <summary>"quote Contoso" / "报价 Contoso": the current quote, started (as quote 1) when the deal has none.</summary>
public sealed record ShowQuoteCommand(string DealName) : QuoteCommand(DealName);

/// <summary>
/// "Contoso add 10 Pro licence" / "Contoso 添加 10 Pro licence": <see cref="Item"/> names a product by code or name;
/// any other words are a line of the rep's own, which needs <see cref="UnitPrice"/> ("at 1200", "单价 1200").
/// </summary>
public sealed record AddQuoteLineCommand(string DealName, decimal Quantity, string Item, decimal? UnitPrice) : QuoteCommand(DealName);

/// <summary>"Contoso discount 15%" / "Contoso 折扣 15%": the same discount on every line.</summary>
public sealed record QuoteDiscountCommand(string DealName, decimal Percent) : QuoteCommand(DealName);

/// <summary>"send quote Contoso" / "发送报价 Contoso": a draft is submitted; an approved quote is marked sent.</summary>
public sealed record SendQuoteCommand(string DealName) : QuoteCommand(DealName);

/// <summary>A button on a quote card or an approval card: applied to the quote version the card showed, never to a newer one.</summary>
public sealed record QuoteClickCommand(string Verb, int Number, int Version, string? Comment) : QuoteCommand("");
