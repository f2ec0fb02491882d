using Collaboration.Domain.Contracts;

namespace Collaboration.Bot.Commands;

/// <summary>A command about a deal's contract, payments or deliveries (see <see cref="ContractWords"/>).</summary>
public abstract record ContractCommand(string DealName) : DealCommand(DealName);

/// <summary>
/// "Contoso contract signed 2027-01-15 for 120k https://…" / "Contoso 合同已签 2027-01-15": <see cref="SignedOn"/> is null when
/// <see cref="DateText"/> names no date (an empty text is today); <see cref="Value"/> is null when none was given or
/// <see cref="ValueText"/> is no amount.
/// </summary>
public sealed record RecordContractCommand(string DealName, DateOnly? SignedOn, string DateText, decimal? Value, string? Currency, string? ValueText, string? Link)
    : ContractCommand(DealName);

/// <summary>"Contoso paid" (the next payment) / "Contoso paid 50%" / "Contoso 已付 50%": <see cref="Percent"/> is null for the next
/// payment; <see cref="PercentText"/> is set when the words after "paid" are no share.</summary>
public sealed record RecordPaymentCommand(string DealName, decimal? Percent, string? PercentText = null) : ContractCommand(DealName);

/// <summary>"Contoso delivered" / "Contoso 已交付".</summary>
public sealed record RecordDeliveryCommand(string DealName) : ContractCommand(DealName);

/// <summary>"Contoso payment 30000 due 2027-02-01" / "Contoso delivery due 2027-03-01" / "Contoso 付款 3万 到期 2027-02-01":
/// <see cref="DueOn"/> (and for a payment <see cref="Amount"/>) is null when the words name none.</summary>
public sealed record PlanMilestoneCommand(string DealName, MilestoneKind Kind, decimal? Amount, string? Currency, DateOnly? DueOn, string ValueText)
    : ContractCommand(DealName);

/// <summary>The "Paid" / "Delivered" button of an overdue milestone's reminder: the milestone and the deal's version the reminder showed.</summary>
public sealed record MilestoneDoneCommand(Guid DealId, Guid? MilestoneId, int? Version) : BotCommand;
