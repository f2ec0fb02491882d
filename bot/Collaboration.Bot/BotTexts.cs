using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot;

/// <summary>Every sentence the bot says, in English and Simplified Chinese.</summary>
public static class BotTexts
{
    private static readonly Dictionary<string, (string En, string Zh)> Texts = new()
    {
        ["help.title"] = ("Here is what I can do", "我可以帮您做这些"),
        ["help.intro"] = ("Type a command in English or Chinese. Deal names can be a few words of the name or account.", "可用中文或英文输入命令。商机名称可以只写名称或客户的几个字。"),
        ["help.unknown"] = ("I did not understand \"{text}\".", "我没有理解“{text}”。"),
        ["welcome"] = ("Hi! I keep your deals up to date from Teams.", "您好！我可以在 Teams 中帮您更新商机。"),
        ["not_found.deal"] = ("I found no deal matching \"{name}\". Try \"my deals\" to see yours.", "没有找到与“{name}”匹配的商机。输入“我的商机”查看您的商机。"),
        ["not_found.id"] = ("That deal was not found.", "未找到该商机。"),
        ["pick.title"] = ("Which deal do you mean?", "您指的是哪个商机？"),
        ["pick.text"] = ("Several deals match \"{name}\". Choose one:", "有多个商机与“{name}”匹配，请选择："),
        ["pick.open"] = ("Continue", "继续"),
        ["list.title"] = ("Your open deals", "您的未关闭商机"),
        ["list.empty"] = ("You have no open deals. Create one with \"new deal <name> <amount>\".", "您没有未关闭的商机。输入“新商机 <名称> <金额>”创建一个。"),
        ["list.choose"] = ("Open a deal:", "打开商机："),
        ["list.open"] = ("Open", "打开"),
        ["fact.account"] = ("Account", "客户"),
        ["fact.stage"] = ("Stage", "阶段"),
        ["fact.amount"] = ("Amount", "金额"),
        ["fact.probability"] = ("Probability", "赢率"),
        ["fact.weighted"] = ("Weighted", "加权金额"),
        ["fact.close_date"] = ("Close date", "预计成交"),
        ["fact.bant"] = ("BANT score", "BANT 评分"),
        ["fact.missing"] = ("Missing", "缺少"),
        ["fact.next_step"] = ("Next step", "下一步"),
        ["fact.last_activity"] = ("Last activity", "最近活动"),
        ["fact.referred_by"] = ("Referred by", "推荐人"),
        ["fact.loss_reason"] = ("Loss reason", "输单原因"),
        ["none"] = ("—", "—"),
        ["nothing_missing"] = ("nothing", "无"),
        ["action.advance"] = ("Advance to {stage}", "推进到{stage}"),
        ["action.choose_stage"] = ("Choose stage", "选择阶段"),
        ["action.move"] = ("Move", "推进"),
        ["action.qualify"] = ("Update qualification", "更新资格信息"),
        ["action.save"] = ("Save", "保存"),
        ["action.log"] = ("Log interaction", "记录互动"),
        ["action.won"] = ("Close won", "赢单"),
        ["action.lost"] = ("Close lost", "输单"),
        ["action.override"] = ("Move anyway", "强制推进"),
        ["input.stage"] = ("Stage", "阶段"),
        ["input.override_reason"] = ("Reason to override (only if it is not qualified yet)", "强制推进原因（仅在资格未达标时需要）"),
        ["input.budget_amount"] = ("Budget amount (e.g. 120k)", "预算金额（如 12万）"),
        ["input.budget_status"] = ("Budget status", "预算状态"),
        ["input.decision_maker"] = ("Decision maker", "决策人"),
        ["input.need"] = ("Need", "需求"),
        ["input.timeline"] = ("Timeline", "时间表"),
        ["input.kind"] = ("Kind", "类型"),
        ["input.text"] = ("What happened?", "发生了什么？"),
        ["input.won_amount"] = ("Final amount", "成交金额"),
        ["input.won_date"] = ("Close date", "成交日期"),
        ["input.loss_reason"] = ("Reason", "原因"),
        ["input.competitor"] = ("Competitor (optional)", "竞争对手（可选）"),
        ["qualify.title"] = ("Let's qualify {name}", "请完善“{name}”的资格信息"),
        ["qualify.text"] = ("Still unknown: {missing}. Fill in what you know:", "尚未了解：{missing}。请填写您已知的信息："),
        ["qualify.done"] = ("Qualification is complete.", "资格信息已完整。"),
        ["gated.title"] = ("Not qualified enough to move on", "资格评分不足，无法推进"),
        ["gated.text"] = ("Fill in the gaps below, or give a reason and move anyway.", "请补充以下信息，或填写原因后强制推进。"),
        ["stale.title"] = ("This deal changed since this card was shown; nothing was changed by your click. Here is the latest:", "此卡片显示后商机已被修改，您的操作未执行。以下是最新内容："),
        ["stale.updated"] = ("Details were updated (version {from} → {to}).", "信息已更新（版本 {from} → {to}）。"),
        ["stale.score"] = ("BANT score: {from} → {to}", "BANT 评分：{from} → {to}"),
        ["change.line"] = ("{what}: {old} → {new} ({who}, {when})", "{what}：{old} → {new}（{who}，{when}）"),
        ["change.interaction"] = ("{kind} logged: {summary} ({who}, {when})", "已记录{kind}：{summary}（{who}，{when}）"),
        ["field.Stage"] = ("Stage", "阶段"),
        ["field.Amount"] = ("Amount", "金额"),
        ["field.Probability"] = ("Probability", "赢率"),
        ["field.CloseDate"] = ("Close date", "预计成交"),
        ["field.Owner"] = ("Owner", "负责人"),
        ["field.Name"] = ("Name", "名称"),
        ["field.Currency"] = ("Currency", "币种"),
        ["field.NextStep"] = ("Next step", "下一步"),
        ["field.NextStepDue"] = ("Next step due", "下一步截止"),
        ["field.PrimaryContact"] = ("Primary contact", "主要联系人"),
        ["field.BudgetAmount"] = ("Budget", "预算"),
        ["field.BudgetCurrency"] = ("Budget currency", "预算币种"),
        ["field.BudgetStatus"] = ("Budget status", "预算状态"),
        ["field.DecisionMaker"] = ("Decision maker", "决策人"),
        ["field.Need"] = ("Need", "需求"),
        ["field.Timeframe"] = ("Timeline", "时间表"),
        ["field.TargetDate"] = ("Target date", "目标日期"),
        ["field.Review"] = ("Review", "复盘"),
        ["done.created"] = ("Deal created.", "商机已创建。"),
        ["done.moved"] = ("Moved to {stage}.", "已推进到{stage}。"),
        ["done.qualified"] = ("Qualification saved.", "资格信息已保存。"),
        ["done.logged"] = ("{kind} logged.", "已记录{kind}。"),
        ["done.already_logged"] = ("That was logged already.", "该记录已存在。"),
        ["done.won"] = ("Closed as won. Congratulations!", "已赢单，恭喜！"),
        ["done.lost"] = ("Closed as lost.", "已标记为输单。"),
        ["done.amount"] = ("Amount updated.", "金额已更新。"),
        ["done.close_date"] = ("Close date set to {date}.", "预计成交日期已设为 {date}。"),
        ["done.probability"] = ("Probability updated.", "赢率已更新。"),
        ["done.probability_auto"] = ("Probability follows the stage again.", "赢率已恢复为阶段默认值。"),
        ["done.next_step"] = ("Next step saved.", "下一步已保存。"),
        ["done.contact"] = ("Primary contact updated.", "主要联系人已更新。"),
        ["done.assigned"] = ("Assigned to {name}.", "已分配给{name}。"),
        ["done.renamed"] = ("Deal renamed.", "商机已改名。"),
        ["done.reopened"] = ("Deal reopened.", "商机已重新打开。"),
        ["done.plan_started"] = ("Follow-up plan \"{plan}\" started.", "跟进计划“{plan}”已启动。"),
        ["done.plan_stopped"] = ("Follow-up plan \"{plan}\" stopped.", "跟进计划“{plan}”已停止。"),
        ["mention_required"] = ("Say who should own the deal by @mentioning them: assign Contoso to @name.", "请 @提及 新的负责人：把 Contoso 分配给 @某人。"),
        ["unreadable_value"] = ("{field}: \"{value}\" could not be read. Nothing was changed.", "{field}：无法识别“{value}”，未做任何修改。"),
        ["refused.title"] = ("That could not be done", "无法执行"),
        ["unknown_stage"] = ("\"{text}\" is not a stage. Stages: {stages}.", "“{text}”不是阶段。可用阶段：{stages}。"),
        ["no_next_stage"] = ("This deal has no next stage.", "此商机没有下一阶段。"),
        ["no_identity"] = ("I can only work with a signed-in Teams user in a tenant.", "我只能为已登录的 Teams 租户用户服务。"),
        ["error.title"] = ("Something went wrong", "出错了"),
        ["closed_note"] = ("This deal is closed.", "此商机已关闭。"),
        ["report.pipeline"] = ("Pipeline funnel", "销售漏斗"),
        ["report.forecast"] = ("Forecast", "销售预测"),
        ["report.win_rate"] = ("Win rate", "赢率"),
        ["report.loss_reasons"] = ("Why we lost", "输单原因"),
        ["report.heading"] = ("{scope} · {period} ({from} – {to})", "{scope} · {period}（{from} 至 {to}）"),
        ["report.scope.team"] = ("Team", "团队"),
        ["report.scope.mine"] = ("Mine", "我的"),
        ["report.period.ThisQuarter"] = ("This quarter", "本季度"),
        ["report.period.ThisMonth"] = ("This month", "本月"),
        ["report.period.LastMonth"] = ("Last month", "上月"),
        ["report.period.LastQuarter"] = ("Last quarter", "上季度"),
        ["report.period.ThisYear"] = ("This year", "今年"),
        ["report.empty"] = ("No deals for this period yet.", "此期间还没有商机数据。"),
        ["report.chart_alt"] = ("Bar chart of the numbers below, in the same order", "下方数字的条形图，顺序相同"),
        ["report.funnel_line"] = ("{entered} entered · {advanced} moved on · {won} won", "进入 {entered} · 推进 {advanced} · 赢单 {won}"),
        ["report.forecast_line"] = ("{weighted} weighted of {amount} ({deals} deals)", "加权 {weighted} / 总额 {amount}（{deals} 个商机）"),
        ["report.forecast_total"] = ("Total", "合计"),
        ["report.forecast_legend"] = ("Dark: weighted; light: full amount.", "深色：加权金额；浅色：总金额。"),
        ["report.other_currencies"] = ("Also in other currencies: {list}", "其他币种：{list}"),
        ["report.win_line"] = ("{won} won · {lost} lost · {rate}", "赢 {won} · 输 {lost} · {rate}"),
        ["report.win_legend"] = ("Green: won; red: lost.", "绿色：赢单；红色：输单。"),
        ["report.all"] = ("Everyone", "全部"),
        ["report.loss_line"] = ("{deals} deals · {amount}", "{deals} 个商机 · {amount}"),
        ["report.competitors"] = ("Lost to", "输给"),
        ["report.no_reason"] = ("(no reason given)", "（未填写原因）"),
        ["review.title.won"] = ("What won {name}?", "“{name}”为什么赢单？"),
        ["review.title.lost"] = ("Why did we lose {name}?", "“{name}”为什么输单？"),
        ["review.text"] = ("A minute now helps the whole team next time. Everything is optional except one factor or a lesson.", "花一分钟复盘，下次整个团队都受益。至少填写一个因素或一条经验。"),
        ["review.factors.won"] = ("Success factors (one per line)", "成功因素（每行一个）"),
        ["review.factors.lost"] = ("Causes of the loss (one per line)", "输单原因（每行一个）"),
        ["review.competitor"] = ("Competitor", "竞争对手"),
        ["review.lessons"] = ("Lessons for next time", "下次的经验教训"),
        ["review.save"] = ("Save review", "保存复盘"),
        ["review.saved"] = ("Review saved. Thank you!", "复盘已保存，谢谢！"),
        ["review.factors"] = ("Factors", "因素"),
        ["review.outcome.won"] = ("Won", "赢单"),
        ["review.outcome.lost"] = ("Lost", "输单"),
        ["reviews.title"] = ("Reviews", "复盘"),
        ["reviews.query"] = ("Matching \"{text}\"", "匹配“{text}”"),
        ["reviews.competitor"] = ("Against {competitor}", "竞争对手：{competitor}"),
        ["reviews.empty"] = ("No reviews match yet.", "还没有匹配的复盘。"),
        ["reviews.line"] = ("{outcome} {when} · {amount}", "{outcome} {when} · {amount}"),
        ["digest.title"] = ("Your team's week: {from} – {to}", "团队周报：{from} 至 {to}"),
        ["digest.quiet"] = ("A quiet week: nothing closed, moved or at risk.", "本周较平静：没有成交、推进或风险。"),
        ["digest.closed"] = ("Closed last week", "上周成交"),
        ["digest.top_losses"] = ("Top loss reasons", "主要输单原因"),
        ["digest.moves"] = ("Deals entering each stage", "各阶段新进入的商机"),
        ["digest.open"] = ("Open pipeline, next 90 days", "未来 90 天的未关闭商机"),
        ["digest.risks"] = ("Top risks", "主要风险"),
        ["digest.risk.StuckOver90Days"] = ("{owner}: {deals} deal(s) in {stage} for over 90 days", "{owner}：{deals} 个商机在{stage}超过 90 天"),
        ["digest.risk.StuckOver30Days"] = ("{owner}: {deals} deal(s) in {stage} for over 30 days", "{owner}：{deals} 个商机在{stage}超过 30 天"),
        ["digest.risk.LowCoverage"] = ("{owner}: open pipeline covers {coverage} of the remaining {currency} quota", "{owner}：未关闭商机仅覆盖剩余 {currency} 配额的 {coverage}"),
        ["notify.stage.title"] = ("{name}: {from} → {to}", "{name}：{from} → {to}"),
        ["notify.stage.intro"] = ("{who} moved your deal.", "{who} 推进了您的商机。"),
        ["notify.stage.intro_channel"] = ("{who} moved a deal of {owner}.", "{who} 推进了 {owner} 的商机。"),
        ["notify.assigned.title"] = ("New deal for you: {name}", "您有新商机：{name}"),
        ["notify.assigned.intro"] = ("{who} made you the owner.", "{who} 将此商机分配给您。"),
        ["notify.won.title"] = ("Won: {name}", "赢单：{name}"),
        ["notify.won.intro"] = ("{owner} closed it as won.", "{owner} 赢得了此商机。"),
        ["notify.fact.changed_by"] = ("Changed by", "修改人"),
        ["notify.fact.via"] = ("Via", "来源"),
        ["notify.fact.when"] = ("When", "时间"),
        ["notify.fact.owner"] = ("Owner", "负责人"),
        ["notify.fact.reason"] = ("Reason", "原因"),
        ["notify.open"] = ("Open deal", "打开商机"),
        ["notify.mute"] = ("Mute this deal", "静音此商机"),
        ["surface.Teams"] = ("Teams", "Teams"),
        ["surface.Outlook"] = ("Outlook", "Outlook"),
        ["surface.Api"] = ("API", "API"),
        ["surface.Import"] = ("import", "导入"),
        ["surface.System"] = ("automation", "自动化"),
        ["reminders.title"] = ("Due today: {count} reminder(s)", "今日待办：{count} 条提醒"),
        ["reminders.none"] = ("Nothing is due. Well done!", "没有到期的提醒，干得好！"),
        ["reminders.more"] = ("…and {count} more. Type \"reminders\" to see them after these.", "……还有 {count} 条。处理完后输入“提醒”查看。"),
        ["reminder.Untouched"] = ("No touch since the stage's limit (due {due})", "超过阶段时限未跟进（{due} 到期）"),
        ["reminder.CloseDatePassed"] = ("Close date has passed ({due})", "预计成交日期已过（{due}）"),
        ["reminder.FollowUpDue"] = ("Follow-up due {due}", "跟进到期：{due}"),
        ["reminder.QualificationIncomplete"] = ("Qualification still incomplete (since {due})", "资格信息仍不完整（自 {due}）"),
        ["reminder.PlanStep"] = ("Follow-up plan step due {due}", "跟进计划步骤到期：{due}"),
        ["reminder.touch"] = ("Log a touch", "记录跟进"),
        ["reminder.touch_text"] = ("Touched from a reminder", "从提醒中记录跟进"),
        ["reminder.snooze_day"] = ("Snooze a day", "推迟一天"),
        ["reminder.snooze_week"] = ("Snooze a week", "推迟一周"),
        ["reminder.followup"] = ("Set next follow-up", "设置下次跟进"),
        ["reminder.followup_date"] = ("Next follow-up on", "下次跟进日期"),
        ["reminder.move"] = ("Move stage", "推进阶段"),
        ["reminder.done.touch"] = ("Touch logged on {name}.", "已记录“{name}”的跟进。"),
        ["reminder.done.snooze"] = ("Snoozed {name} until {until}.", "已将“{name}”推迟到 {until}。"),
        ["reminder.done.followup"] = ("Next follow-up of {name} set to {date}.", "“{name}”的下次跟进已设为 {date}。"),
        ["reminder.done.move"] = ("{name} moved to {stage}.", "“{name}”已推进到{stage}。"),
        ["reminder.need_date"] = ("Choose a date for the next follow-up.", "请选择下次跟进日期。"),
        ["prefs.title"] = ("Notifications", "通知设置"),
        ["prefs.subscribed"] = ("This conversation now hears about {what}, among the deals the person who subscribed may see: their own, their team's and their reports'.",
                                "此会话将收到{what}的通知，范围为订阅人可查看的商机：其本人、所在团队及其下属的商机。"),
        ["prefs.unsubscribed"] = ("This conversation no longer hears about deals ({count} subscription(s) removed).", "此会话已取消订阅（移除 {count} 项）。"),
        ["prefs.filter.WonDeals"] = ("won deals", "赢单"),
        ["prefs.filter.AllStageChanges"] = ("every stage change", "所有阶段变化"),
        ["prefs.filter.MyTeam"] = ("stage changes of team {team}", "团队 {team} 的阶段变化"),
        ["prefs.no_team"] = ("You are not in a team yet, so there is no team to follow.", "您还不属于任何团队，无法订阅团队。"),
        ["prefs.muted"] = ("You will not hear about {name} any more. \"unmute {name}\" undoes it.", "您将不再收到“{name}”的通知。输入“取消静音 {name}”恢复。"),
        ["prefs.unmuted"] = ("You will hear about {name} again.", "您将重新收到“{name}”的通知。"),
        ["prefs.quiet"] = ("Quiet hours set: {from}–{to} in your time zone. Notifications wait until they end.", "免打扰时段已设为 {from}–{to}（您的时区），期间的通知将延后发送。"),
        ["prefs.quiet_off"] = ("Quiet hours are off.", "已关闭免打扰。"),
        ["parked.title"] = ("Notifications that could not be sent", "发送失败的通知"),
        ["parked.none"] = ("Nothing is parked: every notification went out.", "没有发送失败的通知。"),
        ["parked.line"] = ("#{id} · {kind} to {recipient} · {attempts} attempt(s)", "#{id} · {kind} → {recipient} · 尝试 {attempts} 次"),
        ["parked.admins_only"] = ("Only a tenant admin can see parked notifications.", "只有租户管理员可以查看发送失败的通知。"),
        ["parked.retry"] = ("Retry", "重试"),
        ["parked.retried"] = ("Notification #{id} is queued to be sent again.", "通知 #{id} 已重新排队发送。"),
        ["parked.not_parked"] = ("Notification #{id} is not parked any more, so nothing was queued.", "通知 #{id} 已不在发送失败列表中，未重新排队。"),
    };

    private static readonly Dictionary<Domain.Pipeline.Phase, (string En, string Zh)> Phases = new()
    {
        [Domain.Pipeline.Phase.Capture] = ("Capture", "获取"),
        [Domain.Pipeline.Phase.Qualify] = ("Qualify", "资格"),
        [Domain.Pipeline.Phase.Nurture] = ("Nurture", "培育"),
        [Domain.Pipeline.Phase.Convert] = ("Convert", "转化"),
        [Domain.Pipeline.Phase.Closed] = ("Closed", "关闭"),
    };

    public static bool IsChinese(string? locale) => ErrorMessages.IsChinese(locale);

    /// <summary>The locale the bot answers in: zh-Hans for any Chinese locale, else en-US.</summary>
    public static string Normalize(string? locale) => IsChinese(locale) ? "zh-Hans" : "en-US";

    public static string T(string key, string? locale, params (string Name, string Value)[] values)
    {
        var (en, zh) = Texts.TryGetValue(key, out var text) ? text : (key, key);
        var result = IsChinese(locale) ? zh : en;
        foreach (var (name, value) in values) result = result.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return result;
    }

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Phase(Domain.Pipeline.Phase phase, string? locale) => IsChinese(locale) ? Phases[phase].Zh : Phases[phase].En;

    public static string Kind(InteractionKind kind, string? locale) => (kind, IsChinese(locale)) switch
    {
        (InteractionKind.Call, false) => "Call", (InteractionKind.Call, true) => "电话",
        (InteractionKind.Meeting, false) => "Meeting", (InteractionKind.Meeting, true) => "会议",
        (InteractionKind.Email, false) => "Email", (InteractionKind.Email, true) => "邮件",
        (InteractionKind.Chat, false) => "Chat", (InteractionKind.Chat, true) => "聊天",
        (_, false) => "Note", (_, true) => "备注",
    };

    public static string BudgetStatus(BudgetStatus status, string? locale) => (status, IsChinese(locale)) switch
    {
        (Domain.Qualification.BudgetStatus.NoCommittedBudget, false) => "No committed budget", (Domain.Qualification.BudgetStatus.NoCommittedBudget, true) => "无承诺预算",
        (Domain.Qualification.BudgetStatus.MayBuy, false) => "May buy", (Domain.Qualification.BudgetStatus.MayBuy, true) => "可能购买",
        (Domain.Qualification.BudgetStatus.CanBuy, false) => "Can buy", (Domain.Qualification.BudgetStatus.CanBuy, true) => "可以购买",
        (Domain.Qualification.BudgetStatus.WillBuy, false) => "Will buy (confirmed)", (Domain.Qualification.BudgetStatus.WillBuy, true) => "确定购买（已确认）",
        (_, false) => "Unknown", (_, true) => "未知",
    };

    public static string Need(NeedLevel need, string? locale) => (need, IsChinese(locale)) switch
    {
        (NeedLevel.MustHave, false) => "Must have", (NeedLevel.MustHave, true) => "必须",
        (NeedLevel.ShouldHave, false) => "Should have", (NeedLevel.ShouldHave, true) => "应该有",
        (NeedLevel.GoodToHave, false) => "Good to have", (NeedLevel.GoodToHave, true) => "最好有",
        (NeedLevel.NoNeed, false) => "No need", (NeedLevel.NoNeed, true) => "不需要",
        (_, false) => "Unknown", (_, true) => "未知",
    };

    public static string Timeframe(Timeframe timeframe, string? locale) => (timeframe, IsChinese(locale)) switch
    {
        (Domain.Qualification.Timeframe.Immediate, false) => "Immediate", (Domain.Qualification.Timeframe.Immediate, true) => "立即",
        (Domain.Qualification.Timeframe.ThisQuarter, false) => "This quarter", (Domain.Qualification.Timeframe.ThisQuarter, true) => "本季度",
        (Domain.Qualification.Timeframe.NextQuarter, false) => "Next quarter", (Domain.Qualification.Timeframe.NextQuarter, true) => "下季度",
        (Domain.Qualification.Timeframe.ThisYear, false) => "This year", (Domain.Qualification.Timeframe.ThisYear, true) => "今年",
        (Domain.Qualification.Timeframe.NextYear, false) => "Next year", (Domain.Qualification.Timeframe.NextYear, true) => "明年",
        (_, false) => "Unknown", (_, true) => "未知",
    };

    public static string Rating(Rating rating, string? locale) => (rating, IsChinese(locale)) switch
    {
        (Domain.Qualification.Rating.Hot, false) => "hot", (Domain.Qualification.Rating.Hot, true) => "热",
        (Domain.Qualification.Rating.Warm, false) => "warm", (Domain.Qualification.Rating.Warm, true) => "温",
        (_, false) => "cold", (_, true) => "冷",
    };

    public static string Money(decimal? amount, string currency, string? locale) =>
        amount is { } a ? $"{a.ToString(a == decimal.Truncate(a) ? "N0" : "N2", CultureInfo.InvariantCulture)} {currency}" : T("none", locale);

    public static string When(DateTimeOffset? at, string? locale) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : T("none", locale);

    public static string Date(DateOnly? date, string? locale) =>
        date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : T("none", locale);
}
