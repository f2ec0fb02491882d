using System.Globalization;
using System.Text;

namespace Collaboration.Domain.Common;

/// <summary>English and Simplified Chinese texts for every <see cref="DomainError"/> code and the terms they name.</summary>
public static class ErrorMessages
{
    private static readonly Dictionary<string, (string En, string Zh)> Templates = new()
    {
        ["not_found"] = ("{what} was not found.", "未找到{what}。"),
        ["conflict"] = ("Someone else changed this deal (you saw version {expected}, it is now {current}). Review the latest and try again.",
                        "其他人已修改此商机（您看到的是第 {expected} 版，现在是第 {current} 版）。请查看最新内容后重试。"),
        ["pipeline_conflict"] = ("Someone else changed the pipeline (you loaded version {expected}, it is now {current}). Nothing was saved; reload it and make your changes again.",
                                 "其他人已修改销售流程（您加载的是第 {expected} 版，现在是第 {current} 版）。未保存任何内容；请重新加载后再修改。"),
        ["deal_closed"] = ("This deal is closed ({stage}) and read-only. Reopen it first.", "此商机已关闭（{stage}），只读。请先重新打开。"),
        ["bant_below_threshold"] = ("The qualification score is {score}, below the required {threshold}. Missing: {missing}. Fill them in or give a reason to override.",
                                    "资格评分为 {score}，低于要求的 {threshold}。缺少：{missing}。请补充，或填写原因以强制推进。"),
        ["exit_criteria_unmet"] = ("Before leaving {stage}, fill in: {missing}.", "离开“{stage}”阶段前请补充：{missing}。"),
        ["won_requires"] = ("To close as won, fill in: {missing}.", "赢单前请补充：{missing}。"),
        ["lost_reason_required"] = ("To close as lost, choose a reason: {allowed}.", "输单需要选择原因：{allowed}。"),
        ["lost_reason_unknown"] = ("\"{reason}\" is not a loss reason here. Choose one of: {allowed}.", "“{reason}”不是可用的输单原因。请选择：{allowed}。"),
        ["override_reason_required"] = ("An override needs a reason.", "强制推进需要填写原因。"),
        ["not_closed"] = ("This deal is still open.", "此商机尚未关闭。"),
        ["reopen_target_closed"] = ("A deal can only be reopened into an open stage.", "商机只能重新打开到未关闭的阶段。"),
        ["same_stage"] = ("The deal is already in {stage}.", "商机已处于“{stage}”阶段。"),
        ["invalid_amount"] = ("The amount must be zero or more.", "金额不能为负数。"),
        ["invalid_probability"] = ("A probability is a whole number from 0 to 100, not {value}.", "概率应为 0 到 100 的整数，而不是 {value}。"),
        ["invalid_period"] = ("A period must end on or after the day it starts.", "期间的结束日期不能早于开始日期。"),
        ["invalid_currency"] = ("\"{value}\" is not a three-letter currency code.", "“{value}”不是三位货币代码。"),
        ["name_required"] = ("A deal needs a name.", "商机需要名称。"),
        ["name_too_long"] = ("A name can have at most {max} characters.", "名称最多 {max} 个字符。"),
        ["invalid_email"] = ("\"{email}\" is not an email address.", "“{email}”不是有效的邮箱地址。"),
        ["invalid_weights"] = ("The BANT weights must be zero or more and add up to 100.", "BANT 权重必须非负且总和为 100。"),
        ["review_needs_content"] = ("A review needs at least one factor or a lesson.", "复盘至少需要一个因素或一条经验。"),
        ["invalid_origin"] = ("\"{value}\" is not a web origin (scheme://host[:port]).", "“{value}”不是有效的网站来源（scheme://host[:port]）。"),
        ["invalid_rule"] = ("The assignment rule is invalid: {detail}", "分配规则无效：{detail}"),
        ["unknown_rep"] = ("Rule {position}: \"{rep}\" is not a rep of this tenant.", "规则 {position}：“{rep}”不是本租户的销售代表。"),
        ["unknown_team"] = ("Rule {position}: no rep of this tenant is in the team \"{team}\".", "规则 {position}：本租户没有属于“{team}”团队的销售代表。"),
        ["invalid_source"] = ("\"{value}\" is not a source here. Use one of: {allowed}.", "“{value}”不是可用的来源。请选择：{allowed}。"),
        ["invalid_domain"] = ("\"{value}\" is not a domain name (like mail.example.cn).", "“{value}”不是有效的域名（例如 mail.example.cn）。"),
        ["invalid_free_mail"] = ("The free-mail lists are invalid: {detail}", "免费邮箱列表无效：{detail}"),
        ["invalid_pipeline"] = ("The pipeline settings are invalid: {detail}", "销售流程设置无效：{detail}"),
        ["team_required"] = ("A team subscription needs a team: join one or name it.", "团队订阅需要指定团队：请先加入团队或写明团队名称。"),
        ["conversation_required"] = ("A subscription needs a conversation.", "订阅需要指定会话。"),
        ["channel_subscription_managers_only"] = ("Only an admin or a manager can change the subscriptions of a channel or group chat. You can subscribe your own chat with the bot.",
                                                  "只有管理员或经理可以更改频道或群聊的订阅。您可以在与机器人的私聊中订阅。"),
        ["reopen_reason_required"] = ("To reopen a deal, say why.", "重新打开商机需要填写原因。"),
        ["unknown_owner"] = ("\"{value}\" is not a rep whose deals you can see, so the deal cannot go to them.", "“{value}”不是您可查看其商机的销售代表，无法将商机分配给此人。"),
        ["next_step_too_long"] = ("A next step can have at most {max} characters.", "下一步最多 {max} 个字符。"),
        ["plan_running"] = ("This deal already follows the plan \"{plan}\". Stop it first.", "此商机已在执行跟进计划“{plan}”。请先停止。"),
        ["plan_not_running"] = ("This deal follows no follow-up plan right now.", "此商机当前没有正在执行的跟进计划。"),
        ["plan_stopped"] = ("The follow-up plan \"{plan}\" was stopped.", "跟进计划“{plan}”已停止。"),
        ["plan_step_unknown"] = ("The plan has steps 1 to {count}, not {step}.", "该计划只有第 1 到第 {count} 步，没有第 {step} 步。"),
        ["stage_exactly_once"] = ("The stage {stage} must appear exactly once.", "阶段“{stage}”必须且只能出现一次。"),
        ["invalid_forecast_category"] = ("The stage {stage} cannot have the forecast category {value}.", "阶段“{stage}”不能使用预测类别 {value}。"),
        ["invalid_threshold"] = ("The qualification threshold is a whole number from 0 to 100, not {value}.", "资格门槛应为 0 到 100 的整数，而不是 {value}。"),
        ["loss_reasons_required"] = ("At least one loss reason is needed, none blank.", "至少需要一个输单原因，且不能为空。"),
        ["too_many"] = ("At most {max} are allowed.", "最多允许 {max} 个。"),
        ["duplicate_key"] = ("\"{value}\" appears twice.", "“{value}”重复出现。"),
        ["name_required_field"] = ("A name is needed here.", "此处需要名称。"),
        ["text_required"] = ("Text is needed here.", "此处需要填写内容。"),
        ["stage_closed_no_reminder"] = ("A closed stage ({stage}) never goes stale.", "已关闭的阶段（{stage}）不会过期。"),
        ["days_out_of_range"] = ("The number of days must be from {min} to {max}, not {value}.", "天数应在 {min} 到 {max} 之间，而不是 {value}。"),
        ["steps_count"] = ("A plan needs 1 to {max} steps.", "计划需要 1 到 {max} 个步骤。"),
        ["manager_self"] = ("Nobody can be their own manager.", "任何人都不能成为自己的经理。"),
        ["invalid_quota_period"] = ("\"{value}\" is not a period: use a month (2027-01) or a quarter (2027-Q1).", "“{value}”不是有效期间：请使用月份（2027-01）或季度（2027-Q1）。"),
        ["quota_owner_required"] = ("A quota is for one rep (ownerObjectId) or one team (team), not both or neither.", "配额只能属于一名销售代表（ownerObjectId）或一个团队（team），不能同时指定或都不指定。"),
        ["unknown_person"] = ("\"{value}\" is not a person of this tenant.", "“{value}”不是本租户的成员。"),
        ["unknown_exit_criterion"] = ("\"{value}\" is not a field a deal has. Use one of: {allowed}.", "“{value}”不是商机的字段。请选择：{allowed}。"),
        ["invalid_template"] = ("The template cannot be read: {detail}", "模板无法解析：{detail}"),
        ["admin_required"] = ("Only an admin of your organisation may do this.", "只有贵组织的管理员可以执行此操作。"),
        ["reassign_to_inactive"] = ("Deals can only go to an active person.", "商机只能分配给在职的成员。"),
        ["invalid_import_line"] = ("Line {line}: {detail}", "第 {line} 行：{detail}"),
        ["import_too_large"] = ("The file is too large: at most {max} lines and {bytes} bytes.", "文件过大：最多 {max} 行、{bytes} 字节。"),
        ["manager_cycle"] = ("That would make a loop of managers: {value}.", "这会形成经理循环：{value}。"),
        ["unknown_key"] = ("\"{value}\" is not known here. Use one of: {allowed}.", "无法识别“{value}”。请选择：{allowed}。"),
        ["value_required"] = ("A value is needed here.", "此处需要填写值。"),
        ["sync_not_configured"] = ("The directory sync is not set up for your organisation (OrganisationSync).", "尚未为贵组织配置目录同步（OrganisationSync）。"),
        ["plan_unknown"] = ("\"{plan}\" is not a follow-up plan here. Choose one of: {allowed}.", "“{plan}”不是可用的跟进计划。请选择：{allowed}。"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Terms = new()
    {
        ["amount"] = ("amount", "金额"),
        ["close_date"] = ("close date", "预计成交日期"),
        ["budget"] = ("budget", "预算"),
        ["budget_amount"] = ("budget amount", "预算金额"),
        ["budget_status"] = ("budget status", "预算状态"),
        ["decision_maker"] = ("decision maker", "决策人"),
        ["need"] = ("need", "需求"),
        ["timeline"] = ("timeline", "时间表"),
        ["next_step"] = ("next step", "下一步"),
        ["primary_contact"] = ("primary contact", "主要联系人"),
        ["deal"] = ("The deal", "商机"),
        ["contact"] = ("The contact", "联系人"),
        ["account"] = ("The account", "客户"),
        ["user"] = ("The user", "用户"),
        ["plan"] = ("The follow-up plan", "跟进计划"),
        ["name"] = ("name", "名称"),
        ["currency"] = ("currency", "币种"),
        ["probability"] = ("probability", "赢率"),
        ["next_step_due"] = ("next step due date", "下一步截止日期"),
        ["owner"] = ("owner", "负责人"),
        ["target_date"] = ("target date", "目标日期"),
        ["timeframe"] = ("timeframe", "时间范围"),
        ["review"] = ("review", "复盘"),
        ["stage"] = ("stage", "阶段"),
        ["budget_currency"] = ("budget currency", "预算币种"),
        ["reopened"] = ("reopened", "重新打开"),
        ["email"] = ("email", "邮件"),
        ["call"] = ("call", "电话"),
        ["meeting"] = ("meeting", "会议"),
        ["note"] = ("note", "备注"),
        ["chat"] = ("chat", "聊天"),
        ["enrolment"] = ("The follow-up enrolment", "跟进安排"),
    };

    public static bool IsChinese(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Term(string key, string? locale) =>
        Terms.TryGetValue(key, out var t) ? (IsChinese(locale) ? t.Zh : t.En) : key;

    /// <summary>Turns a comma-separated list of term keys into the localized list.</summary>
    public static string TermList(IEnumerable<string> keys, string? locale) =>
        string.Join(IsChinese(locale) ? "、" : ", ", keys.Select(k => Term(k, locale)));

    public static string Format(DomainError error, string? locale)
    {
        if (!Templates.TryGetValue(error.Code, out var template))
        {
            return error.Code;
        }
        var text = IsChinese(locale) ? template.Zh : template.En;
        var result = new StringBuilder(text);
        foreach (var (key, value) in error.Values)
        {
            var shown = key is "missing" or "what" ? TermList(value.Split(',', StringSplitOptions.RemoveEmptyEntries), locale) : value;
            result.Replace("{" + key + "}", shown);
        }
        return result.ToString();
    }

    public static IEnumerable<string> KnownCodes => Templates.Keys;

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
