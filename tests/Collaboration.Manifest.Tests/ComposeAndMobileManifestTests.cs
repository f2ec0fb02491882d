using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Collaboration.Manifest.Tests;

/// <summary>Compose mode, both sides of an appointment, and Outlook mobile, in both manifests.</summary>
public sealed class ComposeAndMobileManifestTests : IDisposable
{
    private static readonly XNamespace App = XmlManifest.App;
    private static readonly XNamespace V11 = XmlManifest.Mailor11;
    private readonly GeneratedPackage _package = new();

    public void Dispose() => _package.Dispose();

    private XDocument Xml => XDocument.Load(_package.Files.XmlManifest);

    private JsonObject Json => JsonNode.Parse(File.ReadAllText(_package.Files.ManifestJson))!.AsObject();

    [Fact]
    public void TheUnifiedManifestOpensThePaneWhileWritingMailAndInMeetingsAsOrganizerAndAttendee()
    {
        var ribbon = Json["extensions"]![0]!["ribbons"]![0]!;

        Assert.Equal(["mailRead", "mailCompose", "meetingDetailsOrganizer", "meetingDetailsAttendee"],
            ribbon["contexts"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("MailboxItem.ReadWrite.User", Json["authorization"]!["permissions"]!["resourceSpecific"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void TheXmlManifestDeclaresComposeAndAppointmentFormsAndTheirCommandSurfaces()
    {
        var root = Xml.Root!;
        var forms = root.Element(App + "FormSettings")!.Elements(App + "Form").Select(f => f.Attribute(XmlManifest.Xsi + "type")!.Value);
        var rules = root.Descendants(App + "Rule").Where(r => (string?)r.Attribute(XmlManifest.Xsi + "type") == "ItemIs")
            .Select(r => (r.Attribute("ItemType")!.Value, r.Attribute("FormType")!.Value));
        var v11 = root.Descendants(V11 + "VersionOverrides").Single();
        var desktop = v11.Descendants(V11 + "DesktopFormFactor").Single().Elements(V11 + "ExtensionPoint")
            .Select(e => e.Attribute(XmlManifest.Xsi + "type")!.Value);

        Assert.Equal(["ItemRead", "ItemEdit"], forms);
        Assert.Equal([("Message", "Read"), ("Message", "Edit"), ("Appointment", "Read"), ("Appointment", "Edit")], rules);
        Assert.Equal(["MessageReadCommandSurface", "MessageComposeCommandSurface", "AppointmentOrganizerCommandSurface", "AppointmentAttendeeCommandSurface"], desktop);
        Assert.Empty(XmlManifestTests.Validate(Xml));
    }

    [Fact]
    public void OutlookMobileGetsTheReadPaneButtonWithIconsOfEverySizeAndScale()
    {
        var v11 = Xml.Root!.Descendants(V11 + "VersionOverrides").Single();
        var mobile = v11.Descendants(V11 + "MobileFormFactor").Single();
        var point = mobile.Elements(V11 + "ExtensionPoint").Single();
        var images = point.Descendants(XmlManifest.Bt + "Image").ToList();
        var resources = v11.Element(V11 + "Resources")!.Element(XmlManifest.Bt + "Images")!.Elements(XmlManifest.Bt + "Image")
            .ToDictionary(i => i.Attribute("id")!.Value, i => i.Attribute("DefaultValue")!.Value);

        Assert.Equal("MobileMessageReadCommandSurface", point.Attribute(XmlManifest.Xsi + "type")!.Value);
        Assert.Equal("ShowTaskpane", point.Descendants(V11 + "Action").Single().Attribute(XmlManifest.Xsi + "type")!.Value);
        Assert.Equal(9, images.Count);
        Assert.All(images, image =>
        {
            var size = image.Attribute("size")!.Value;
            Assert.Equal($"https://crm.contoso.com/assets/icon-{size}.png", resources[image.Attribute("resid")!.Value]);
        });
        // Mobile exists only in VersionOverrides 1.1: a 1.0-only client never sees it.
        Assert.Empty(Xml.Root!.Elements(XmlManifest.Mailor10 + "VersionOverrides").Elements(XmlManifest.Mailor10 + "Hosts").Descendants(XmlManifest.Mailor10 + "MobileFormFactor"));
    }

    [Fact]
    public void TheXsdCheckCatchesAMobileButtonWithTooFewIcons()
    {
        var document = Xml;
        var mobileImages = document.Descendants(V11 + "MobileFormFactor").Descendants(XmlManifest.Bt + "Image").ToList();
        mobileImages.Skip(3).ToList().ForEach(i => i.Remove());

        Assert.Contains(XmlManifestTests.Validate(document), p => p.Contains("Image", StringComparison.Ordinal) || p.Contains("Icon", StringComparison.Ordinal));
    }
}
