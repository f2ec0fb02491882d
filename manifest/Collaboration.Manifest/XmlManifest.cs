using System.Xml.Linq;

namespace Collaboration.Manifest;

/// <summary>
/// The classic XML add-in-only manifest, for Outlook clients the unified manifest does not reach (Mac, mobile, perpetual Office).
/// Same id, version, task pane and icons as the unified manifest. Element order follows Microsoft's XSDs.
/// </summary>
public static class XmlManifest
{
    public static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    public static readonly XNamespace Mailor10 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    public static readonly XNamespace Mailor11 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    public const string ChineseLocale = "zh-CN";

    public static XDocument Build(AppSettings s)
    {
        var root = new XElement(App + "OfficeApp",
            new XAttribute("xmlns", App.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(XNamespace.Xmlns + "bt", Bt),
            new XAttribute(Xsi + "type", "MailApp"),
            new XElement(App + "Id", s.AppId.ToString()),
            new XElement(App + "Version", s.XmlVersion),
            new XElement(App + "ProviderName", s.DeveloperName),
            new XElement(App + "DefaultLocale", "en-US"),
            Localized(App + "DisplayName", s.ShortName, App),
            Localized(App + "Description", AppTexts.ShortDescription, App),
            new XElement(App + "IconUrl", new XAttribute("DefaultValue", s.Asset(Icons.Asset(64).FileName))),
            new XElement(App + "HighResolutionIconUrl", new XAttribute("DefaultValue", s.Asset(Icons.Asset(128).FileName))),
            new XElement(App + "SupportUrl", new XAttribute("DefaultValue", s.SupportUrl)),
            new XElement(App + "AppDomains", new XElement(App + "AppDomain", s.BaseUrl.GetLeftPart(UriPartial.Authority))),
            new XElement(App + "Hosts", new XElement(App + "Host", new XAttribute("Name", "Mailbox"))),
            new XElement(App + "Requirements",
                new XElement(App + "Sets", new XElement(App + "Set", new XAttribute("Name", "Mailbox"), new XAttribute("MinVersion", "1.3")))),
            new XElement(App + "FormSettings",
                new XElement(App + "Form", new XAttribute(Xsi + "type", "ItemRead"),
                    new XElement(App + "DesktopSettings",
                        new XElement(App + "SourceLocation", new XAttribute("DefaultValue", s.TaskpaneUrl)),
                        new XElement(App + "RequestedHeight", 450))),
                new XElement(App + "Form", new XAttribute(Xsi + "type", "ItemEdit"),
                    new XElement(App + "DesktopSettings",
                        new XElement(App + "SourceLocation", new XAttribute("DefaultValue", s.TaskpaneUrl))))),
            // Compose mode writes to the item: the deal summary into the body, the "log when sent" header on the draft.
            new XElement(App + "Permissions", "ReadWriteItem"),
            new XElement(App + "Rule", new XAttribute(Xsi + "type", "RuleCollection"), new XAttribute("Mode", "Or"),
                ItemIs("Message", "Read"), ItemIs("Message", "Edit"), ItemIs("Appointment", "Read"), ItemIs("Appointment", "Edit")),
            new XElement(App + "DisableEntityHighlighting", "false"),
            Overrides(s, Mailor10, "VersionOverridesV1_0",
                Overrides(s, Mailor11, "VersionOverridesV1_1", null)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>
    /// VersionOverrides 1.0 for clients that know only 1.0 (a button without pinning); 1.1, its last child, adds pinning and SSO.
    /// </summary>
    private static XElement Overrides(AppSettings s, XNamespace ns, string type, XElement? inner)
    {
        var v11 = ns == Mailor11;
        var overrides = new XElement(ns + "VersionOverrides", new XAttribute("xmlns", ns.NamespaceName), new XAttribute(Xsi + "type", type),
            new XElement(ns + "Requirements",
                new XElement(Bt + "Sets", new XAttribute("DefaultMinVersion", "1.3"), new XElement(Bt + "Set", new XAttribute("Name", "Mailbox")))),
            new XElement(ns + "Hosts",
                new XElement(ns + "Host", new XAttribute(Xsi + "type", "MailHost"),
                    new XElement(ns + "DesktopFormFactor", Surfaces.Select(surface => DesktopSurface(ns, surface))),
                    v11 ? MobileFormFactor(ns) : null)),
            new XElement(ns + "Resources",
                new XElement(Bt + "Images", ButtonIconSizes.Concat(MobileIconSizes).Distinct().Select(size =>
                    new XElement(Bt + "Image", new XAttribute("id", $"Icon.{size}"), new XAttribute("DefaultValue", s.Asset(Icons.Asset(size).FileName))))),
                new XElement(Bt + "Urls",
                    new XElement(Bt + "Url", new XAttribute("id", "Taskpane.Url"), new XAttribute("DefaultValue", s.TaskpaneUrl))),
                new XElement(Bt + "ShortStrings",
                    Localized(Bt + "String", AppTexts.GroupLabel, Bt, "Group.Label"),
                    Localized(Bt + "String", AppTexts.ButtonLabel, Bt, "Button.Label"),
                    Localized(Bt + "String", AppTexts.ButtonTitle, Bt, "Button.Title")),
                new XElement(Bt + "LongStrings",
                    Localized(Bt + "String", AppTexts.ButtonDescription, Bt, "Button.Tooltip"))));
        if (v11)
        {
            overrides.Add(new XElement(ns + "WebApplicationInfo",
                new XElement(ns + "Id", s.AppId.ToString()),
                new XElement(ns + "Resource", s.Resource),
                new XElement(ns + "Scopes",
                    new XElement(ns + "Scope", "openid"),
                    new XElement(ns + "Scope", "profile"),
                    new XElement(ns + "Scope", "offline_access"))));
        }

        if (inner is not null) overrides.Add(inner);
        return overrides;
    }

    /// <summary>Where the button shows: reading and writing a message, and an appointment as its organizer or an attendee.</summary>
    public static readonly (string ExtensionPoint, string GroupId, string ControlId, bool Pinnable)[] Surfaces =
    [
        ("MessageReadCommandSurface", "CrmReadGroup", "CrmOpenPaneButton", true),
        ("MessageComposeCommandSurface", "CrmComposeGroup", "CrmComposePaneButton", false),
        ("AppointmentOrganizerCommandSurface", "CrmOrganizerGroup", "CrmOrganizerPaneButton", false),
        ("AppointmentAttendeeCommandSurface", "CrmAttendeeGroup", "CrmAttendeePaneButton", true),
    ];

    private static XElement ItemIs(string itemType, string formType) =>
        new(App + "Rule", new XAttribute(Xsi + "type", "ItemIs"), new XAttribute("ItemType", itemType), new XAttribute("FormType", formType));

    private static XElement ShowTaskpane(XNamespace ns, bool pinnable)
    {
        var action = new XElement(ns + "Action", new XAttribute(Xsi + "type", "ShowTaskpane"), new XElement(ns + "SourceLocation", new XAttribute("resid", "Taskpane.Url")));
        if (pinnable && ns == Mailor11) action.Add(new XElement(ns + "SupportsPinning", "true"));
        return action;
    }

    private static XElement DesktopSurface(XNamespace ns, (string ExtensionPoint, string GroupId, string ControlId, bool Pinnable) surface) =>
        new(ns + "ExtensionPoint", new XAttribute(Xsi + "type", surface.ExtensionPoint),
            new XElement(ns + "OfficeTab", new XAttribute("id", "TabDefault"),
                new XElement(ns + "Group", new XAttribute("id", surface.GroupId),
                    new XElement(ns + "Label", new XAttribute("resid", "Group.Label")),
                    new XElement(ns + "Control", new XAttribute(Xsi + "type", "Button"), new XAttribute("id", surface.ControlId),
                        new XElement(ns + "Label", new XAttribute("resid", "Button.Label")),
                        new XElement(ns + "Supertip",
                            new XElement(ns + "Title", new XAttribute("resid", "Button.Title")),
                            new XElement(ns + "Description", new XAttribute("resid", "Button.Tooltip"))),
                        new XElement(ns + "Icon", ButtonIconSizes.Select(size =>
                            new XElement(Bt + "Image", new XAttribute("size", size), new XAttribute("resid", $"Icon.{size}")))),
                        ShowTaskpane(ns, surface.Pinnable)))));

    /// <summary>Outlook on iOS and Android: the read-mail button (the only command surface mobile offers for a task pane).</summary>
    private static XElement MobileFormFactor(XNamespace ns) =>
        new(ns + "MobileFormFactor",
            new XElement(ns + "ExtensionPoint", new XAttribute(Xsi + "type", "MobileMessageReadCommandSurface"),
                new XElement(ns + "Group", new XAttribute("id", "CrmMobileReadGroup"),
                    new XElement(ns + "Label", new XAttribute("resid", "Group.Label")),
                    new XElement(ns + "Control", new XAttribute(Xsi + "type", "MobileButton"), new XAttribute("id", "CrmMobileOpenPaneButton"),
                        new XElement(ns + "Label", new XAttribute("resid", "Button.Label")),
                        new XElement(ns + "Icon", new XAttribute(Xsi + "type", "bt:MobileIconList"),
                            MobileIconSizes.SelectMany(size => MobileScales.Select(scale =>
                                new XElement(Bt + "Image", new XAttribute("size", size), new XAttribute("scale", scale), new XAttribute("resid", $"Icon.{size}"))))),
                        ShowTaskpane(ns, pinnable: false)))));

    /// <summary>The sizes Outlook mobile requires for a button (each at scales 1, 2 and 3).</summary>
    public static readonly int[] MobileIconSizes = [25, 32, 48];

    private static readonly int[] MobileScales = [1, 2, 3];

    /// <summary>The sizes Outlook requires for a ribbon button.</summary>
    public static readonly int[] ButtonIconSizes = [16, 32, 80];

    private static XElement Localized(XName name, Text text, XNamespace overrideNs, string? id = null)
    {
        var element = new XElement(name);
        if (id is not null) element.Add(new XAttribute("id", id));
        element.Add(new XAttribute("DefaultValue", text.En),
            new XElement(overrideNs + "Override", new XAttribute("Locale", ChineseLocale), new XAttribute("Value", text.Zh)));
        return element;
    }
}
