namespace Collaboration.Manifest;

/// <summary>A text in the manifests' two languages: English (the default) and Simplified Chinese.</summary>
public sealed record Text(string En, string Zh);

/// <summary>What the store listing, Outlook's ribbon and the add-in dialogs show.</summary>
public static class AppTexts
{
    public static readonly Text ShortName = new("Collaboration", "协作 CRM");
    public static readonly Text FullName = new("Collaboration CRM for Teams and Outlook", "协作 CRM（Teams 和 Outlook）");
    public static readonly Text ShortDescription = new(
        "Track deals from Teams chats and Outlook mail.",
        "在 Teams 聊天和 Outlook 邮件中跟进商机。");
    public static readonly Text FullDescription = new(
        "Create deals, qualify them (budget, decision maker, need, timeline), move them through the pipeline and log calls by chatting with the Collaboration bot in Teams. " +
        "In Outlook, open the Collaboration pane on an email to see the sender's account and open deals and log the email to the right deal.",
        "在 Teams 中与协作 CRM 机器人对话即可新建商机、完善资格信息（预算、决策人、需求、时间表）、推进销售阶段并记录电话。" +
        "在 Outlook 中打开邮件的协作 CRM 窗格，即可查看发件人的客户和未关闭商机，并将邮件记录到对应商机。");
    public static readonly Text GroupLabel = new("Collaboration", "协作 CRM");
    public static readonly Text ButtonLabel = new("Open CRM", "打开 CRM");
    public static readonly Text ButtonTitle = new("Collaboration CRM", "协作 CRM");
    public static readonly Text ButtonDescription = new(
        "See the sender's account and deals, and log this email to a deal.",
        "查看发件人的客户和商机，并将此邮件记录到商机。");
    public static readonly Text ActionName = new("Open the CRM pane", "打开 CRM 窗格");
    public static readonly Text DashboardTab = new("Dashboard", "仪表板");
    public static readonly Text SettingsTab = new("Settings", "设置");
}
