namespace Collaboration.Bot.Commands;

/// <summary>One command as the help card and the Teams app manifest's commandLists show it.</summary>
/// <param name="Listed">Shown in the help card and the manifest's command menu; false for a shortcut another entry already teaches.</param>
public sealed record CommandInfo(string Title, string TitleZh, string Example, string ExampleZh, string Description, string DescriptionZh, bool Listed = true)
{
    public string TitleIn(string? locale) => BotTexts.IsChinese(locale) ? TitleZh : Title;
    public string ExampleIn(string? locale) => BotTexts.IsChinese(locale) ? ExampleZh : Example;
    public string DescriptionIn(string? locale) => BotTexts.IsChinese(locale) ? DescriptionZh : Description;
}

/// <summary>The commands the bot understands, in both languages; the help card and the manifest's commandLists both show <see cref="Listed"/>.</summary>
public static class CommandCatalog
{
    /// <summary>The most commands one Teams manifest command list may hold (schema v1.24 and later).</summary>
    public const int MaxListed = 12;

    /// <summary>Every command the bot understands, including shortcuts that are not listed.</summary>
    public static IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("new deal", "新商机", "new deal Contoso 50 seats 120k close 2026-12-31", "新商机 Contoso 50席 12万 成交 2026-12-31",
            "Create a deal: name, amount, close date, optionally 'referred by <name>'", "新建商机：名称、金额、预计成交日期，可加“推荐人 <姓名>”"),
        new("my deals", "我的商机", "my deals", "我的商机", "List your open deals; 'reminders today'; 'mute <deal>' / 'unmute <deal>'; 'rename <deal> to <name>'",
            "列出您的未关闭商机；“提醒”；“静音 <商机>”/“取消静音 <商机>”；“把 <商机> 改名为 <名称>”"),
        new("reminders", "提醒", "reminders", "提醒", "The reminders due on your deals, with one-click actions", "您商机的到期提醒，可一键处理", Listed: false),
        new("show", "查看", "show contoso", "查看 contoso", "Show a deal; after its name: 'amount 48k', 'closes friday', 'probability 60', 'next step …', 'contact <email>'",
            "查看商机卡片；商机名后加“金额 4.8万”“预计成交 下周五”“赢率 60”“下一步 …”“联系人 <邮箱>”"),
        new("mute", "静音", "mute contoso", "静音 contoso", "Stop notifications about one deal", "不再接收某个商机的通知", Listed: false),
        new("unmute", "取消静音", "unmute contoso", "取消静音 contoso", "Hear about a muted deal again", "恢复接收某个商机的通知", Listed: false),
        new("move", "推进到", "move contoso to proposal", "推进 contoso 到 方案", "Move a deal to a stage; 'advance <deal>' moves it on, 'assign <deal> to @name' hands it over",
            "将商机推进到指定阶段；“推进 <商机>”进入下一阶段；“把 <商机> 分配给 @某人”"),
        new("advance", "推进", "advance contoso", "推进 contoso", "Move a deal to its next stage", "将商机推进到下一阶段", Listed: false),
        new("budget", "预算", "contoso budget 120k confirmed", "contoso 预算 12万 已确认", "Qualify after the deal's name: budget and status, or 'decision maker <name>', 'need must have', 'timeline this quarter'", "资格信息：预算和状态；也可用“<商机> 决策人 <姓名>”“需求 必须”“时间 本季度”"),
        new("decision maker", "决策人", "contoso decision maker Wang Fang", "contoso 决策人 王芳", "Record who decides", "记录决策人", Listed: false),
        new("need", "需求", "contoso need must have", "contoso 需求 必须", "Record how much they need it", "记录需求程度", Listed: false),
        new("timeline", "时间表", "contoso timeline this quarter", "contoso 时间 本季度", "Record when they will buy", "记录采购时间", Listed: false),
        new("log", "记录", "log call contoso: discussed pricing", "记录 电话 contoso：讨论价格", "Log a call, meeting, note, email or chat; after a name, 'start plan standard'",
            "记录电话、会议、备注、邮件或聊天；“<商机> 启动跟进计划 标准”"),
        new("won", "赢单", "won contoso", "赢单 contoso", "Close a deal as won; 'lost <deal> <reason>' as lost; 'reopen <deal>: <why>' reopens it",
            "将商机标记为赢单；“输单 <商机> <原因>”标记为输单；“重新打开 <商机>：<原因>”"),
        new("lost", "输单", "lost contoso price", "输单 contoso 价格", "Close a deal as lost, with a reason", "将商机标记为输单并填写原因", Listed: false),
        new("amount", "金额", "contoso amount 48k EUR", "contoso 金额 4.8万", "Set a deal's amount, with k/m or a currency", "设置商机金额，可用万/亿或币种", Listed: false),
        new("closes", "预计成交", "contoso closes next friday", "contoso 预计成交 下周五", "Set the close date; relative dates use your time zone", "设置预计成交日期；相对日期按您的时区", Listed: false),
        new("probability", "赢率设置", "contoso probability 60", "contoso 赢率 60", "Set the probability; 'probability auto' follows the stage again", "设置赢率；“赢率 自动”恢复阶段默认值", Listed: false),
        new("next step", "下一步", "contoso next step send pricing by friday", "contoso 下一步 周五前发报价", "Set the next step and when it is due", "设置下一步及截止日期", Listed: false),
        new("contact", "联系人", "contoso contact priya@lumenfield.com", "contoso 联系人 priya@lumenfield.com", "Set the primary contact by email", "按邮箱设置主要联系人", Listed: false),
        new("assign", "分配", "assign contoso to @Priya", "把 contoso 分配给 @Priya", "Hand a deal to the person you @mention", "将商机分配给您 @提及 的人", Listed: false),
        new("rename", "改名", "rename contoso to Contoso 80 seats", "把 contoso 改名为 Contoso 80席", "Rename a deal", "商机改名", Listed: false),
        new("reopen", "重新打开", "reopen contoso: budget approved after all", "重新打开 contoso：预算已批准", "Reopen a closed deal, saying why", "重新打开已关闭的商机并说明原因", Listed: false),
        new("start plan", "启动跟进计划", "contoso start plan standard", "contoso 启动跟进计划 标准", "Start a follow-up plan; 'contoso stop plan' stops it", "启动跟进计划；“contoso 停止跟进计划”停止", Listed: false),
        new("pipeline", "销售漏斗", "pipeline this quarter", "本季度销售漏斗", "Your team's funnel, with a chart; 'my team' and 'who is my manager' show your organisation",
            "团队销售漏斗，附图表；“我的团队”“我的经理是谁”查看您的组织"),
        new("forecast", "预测", "forecast this quarter", "本季度预测", "Forecast by close month, weighted; 'quota 2027-Q1' for attainment; 'subscribe won deals' in a channel",
            "按预计成交月份的加权预测；“配额 2027年第一季度”查看配额完成；频道中“订阅 赢单”"),
        new("subscribe", "订阅", "subscribe won deals", "订阅 赢单", "Post deals here: 'subscribe won deals', 'subscribe all stage changes', 'subscribe my team'",
            "在此会话接收通知：“订阅 赢单”“订阅 所有阶段变化”“订阅 我的团队”", Listed: false),
        new("win rate", "赢率", "win rate my team", "我团队的赢率", "Won against lost per rep ('my' for your own); 'why did we lose this quarter' shows loss reasons", "每位销售的赢单与输单（加“我的”只看自己）；“为什么输单”查看输单原因"),
        new("quota", "配额", "quota 2027-Q1", "配额 2027年第一季度", "Won against quota and open pipeline coverage, yours and (for a manager) your team's, with a chart",
            "配额完成率和未关闭商机覆盖率：您的，以及（经理）团队的，附图表", Listed: false),
        new("why did we lose", "为什么输单", "why did we lose this quarter", "为什么输单", "Loss reasons and competitors", "输单原因和竞争对手", Listed: false),
        new("reviews", "复盘", "reviews competitor Fabrikam", "复盘 竞争对手 Fabrikam", "Search win/loss reviews by words or competitor", "按关键词或竞争对手搜索赢单/输单复盘"),
        new("help", "帮助", "help", "帮助", "Show these commands; 'quiet hours 20:00-08:00', 'unsubscribe all'; admins: 'settings', 'parked notifications'",
            "显示这些命令；“免打扰 20:00-08:00”“取消订阅”；管理员：“设置”“失败通知”"),
        new("my team", "我的团队", "my team", "我的团队", "Your team, your manager and your direct reports (with their open pipeline)", "您的团队、经理和直接下属（及其未关闭商机）", Listed: false),
        new("who is my manager", "我的经理是谁", "who is my manager", "我的经理是谁", "Your manager's name and email", "您经理的姓名和邮箱", Listed: false),
        new("settings", "设置", "settings", "设置", "Admins: open the Settings tab (people, quotas, pipeline, nurture)", "管理员：打开“设置”标签页（人员、配额、销售流程、培育）", Listed: false),
        new("quiet hours", "免打扰", "quiet hours 20:00-08:00", "免打扰 20:00-08:00", "Hold notifications during these hours ('quiet hours off' ends it)", "在此时段内暂缓通知（“免打扰 关闭”取消）", Listed: false),
        new("unsubscribe", "取消订阅", "unsubscribe all", "取消订阅", "Stop this conversation's subscriptions", "取消此会话的所有订阅", Listed: false),
        new("parked", "失败通知", "parked notifications", "失败通知", "Admins: notifications that could not be sent, with their errors, to retry", "管理员：发送失败的通知及错误，可重试", Listed: false),
    ];

    /// <summary>What the help card lists and the Teams manifest's command menu shows: the same set, in the same order, at most <see cref="MaxListed"/>.</summary>
    public static IReadOnlyList<CommandInfo> Listed { get; } = Commands.Where(c => c.Listed).ToArray() is { Length: <= MaxListed } listed
        ? listed
        : throw new InvalidOperationException($"At most {MaxListed} commands can be listed: the Teams manifest allows no more per command list.");
}
