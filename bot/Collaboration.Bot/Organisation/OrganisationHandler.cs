using Collaboration.Application;
using Collaboration.Application.Access;
using Collaboration.Application.Organisation;
using Collaboration.Application.Reports;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;

namespace Collaboration.Bot.Organisation;

/// <summary>The organisation as the CRM sees it: "my team", "who is my manager", "settings" (admins) and "quota".</summary>
public sealed class OrganisationHandler(
    OrganisationPlaces places,
    AdminPolicy admins,
    AttainmentReports attainment,
    ReportAudience audience,
    SettingsLinkOptions settingsLink,
    TimeProvider clock)
{
    public async Task<BotReply> MyTeamAsync(BotTurn turn, CancellationToken ct) =>
        BotReply.Of(OrganisationCards.MyTeam(await places.PlaceAsync(turn.Actor, ct), turn.Context));

    public async Task<BotReply> ManagerAsync(BotTurn turn, CancellationToken ct) =>
        BotReply.Of(OrganisationCards.Manager(await places.PlaceAsync(turn.Actor, ct), turn.Context));

    /// <summary>The bot sees no app roles: it passes none, so the stored flag and the bootstrap ids decide.</summary>
    public async Task<BotReply> SettingsAsync(BotTurn turn, CancellationToken ct) =>
        await admins.IsAdminAsync(turn.Actor, roles: null, ct)
            ? BotReply.Of(OrganisationCards.Settings(settingsLink.Link(), turn.Context))
            : BotReply.Of(OrganisationCards.SettingsRefused(await places.AdminsAsync(turn.Actor, ct: ct), turn.Context));

    /// <summary>The caller's own quotas; a manager also sees the quotas of the people and teams they may see.</summary>
    public async Task<BotReply> QuotaAsync(QuotaCommand command, BotTurn turn, CancellationToken ct)
    {
        var (actor, context) = (turn.Actor, turn.Context);
        if (command is { Period: null, Relative: null, PeriodText: { } unreadable })
        {
            return BotReply.Of(DealCards.Notice(BotTexts.T("quota.title", context.Locale),
                BotTexts.T("quota.unreadable", context.Locale, ("text", CardText.Markdown(unreadable))), context, isError: true));
        }
        var now = clock.GetUtcNow();
        var heading = Heading(command, DateOnly.FromDateTime(now.UtcDateTime), context.Locale);
        var report = await attainment.AttainmentAsync(actor, new ReportFilter(heading.From, heading.To) { AsOf = now }, ct);
        var isManager = await places.IsManagerAsync(actor, ct);
        var rows = report.Rows
            .Where(r => isManager || (r.Scope == AttainmentRow.Rep && r.OwnerId == actor.UserObjectId))
            .OrderBy(r => r.OwnerId == actor.UserObjectId ? 0 : r.Scope == AttainmentRow.TeamScope ? 1 : 2)
            .ThenBy(r => r.PeriodStart).ThenBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.OwnerId, StringComparer.Ordinal)
            .ToList();
        var names = (await audience.VisiblePeopleAsync(actor, ct)).ToDictionary(p => p.ObjectId, p => p.DisplayName);
        return BotReply.Of(QuotaCards.Attainment(rows, actor.UserObjectId, names, heading, context));
    }

    private static QuotaHeading Heading(QuotaCommand command, DateOnly today, string locale)
    {
        if (command.Period is { } period) return new QuotaHeading(period.ToString(), period.Start, period.End);
        var relative = command.Relative ?? ReportPeriod.ThisQuarter;
        var (from, to) = ReportWords.Range(relative, today);
        return new QuotaHeading(BotTexts.T("report.period." + relative, locale), from, to);
    }
}
