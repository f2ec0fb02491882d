using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Collaboration.Testing.Node;

namespace Collaboration.Manifest.Tests;

public sealed class XmlManifestTests : IDisposable
{
    private static readonly XNamespace App = XmlManifest.App;
    private readonly GeneratedPackage _package = new();

    public void Dispose() => _package.Dispose();

    /// <summary>Microsoft's five XSDs for the Outlook add-in manifest, all loaded together.</summary>
    public static XmlSchemaSet Schemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var xsd in Directory.GetFiles(SchemaFolder, "*.xsd"))
        {
            using var reader = XmlReader.Create(xsd, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
            var schema = XmlSchema.Read(reader, null)!;
            if (!set.Contains(schema.TargetNamespace)) set.Add(schema);
        }

        set.Compile();
        return set;
    }

    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas() };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessInlineSchema;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(document.ToString(SaveOptions.DisableFormatting)), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static string SchemaFolder
    {
        get
        {
            // The XSDs live in the shared folder next to the worktrees (../shared/schemas from the repository root).
            for (var dir = new DirectoryInfo(NodeTools.RepositoryRoot); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "schemas", "outlook-xml-manifest");
                if (File.Exists(Path.Combine(candidate, "OfficeAppManifestV1_1.xsd"))) return candidate;
            }

            throw new InvalidOperationException($"The Outlook manifest XSDs (shared/schemas/outlook-xml-manifest) were not found above {NodeTools.RepositoryRoot}.");
        }
    }

    private XDocument Document => XDocument.Load(_package.Files.XmlManifest);

    [Fact]
    public void TheXmlManifestValidatesAgainstMicrosoftsXsds()
    {
        Assert.Empty(Validate(Document));
    }

    [Fact]
    public void AnElementOutOfOrderIsCaught()
    {
        var document = Document;
        var permissions = document.Root!.Element(App + "Permissions")!;
        permissions.Remove();
        document.Root!.Element(App + "FormSettings")!.AddBeforeSelf(permissions);

        var problems = Validate(document);

        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains("Permissions", StringComparison.Ordinal) || p.Contains("FormSettings", StringComparison.Ordinal));
    }

    [Fact]
    public void AMisplacedElementInsideTheVersionOverridesIsCaught()
    {
        var document = Document;
        var v11 = document.Descendants(XmlManifest.Mailor11 + "VersionOverrides").Single();
        var info = v11.Element(XmlManifest.Mailor11 + "WebApplicationInfo")!;
        info.Remove();
        v11.AddFirst(info);

        Assert.NotEmpty(Validate(document));
    }

    [Fact]
    public void ItIsAReadMailAppWithAPinnableTaskPaneAndSso()
    {
        var root = Document.Root!;
        Assert.Equal("MailApp", root.Attribute(XmlManifest.Xsi + "type")!.Value);
        Assert.Equal(GeneratedPackage.AppId.ToString(), root.Element(App + "Id")!.Value);
        Assert.Equal("1.4.2.0", root.Element(App + "Version")!.Value);
        Assert.Equal("1.3", root.Element(App + "Requirements")!.Descendants(App + "Set").Single(s => (string?)s.Attribute("Name") == "Mailbox").Attribute("MinVersion")!.Value);
        Assert.Equal("ItemRead", root.Element(App + "FormSettings")!.Element(App + "Form")!.Attribute(XmlManifest.Xsi + "type")!.Value);
        Assert.Equal("ReadWriteItem", root.Element(App + "Permissions")!.Value);
        var rule = root.Descendants(App + "Rule").First(r => (string?)r.Attribute(XmlManifest.Xsi + "type") == "ItemIs");
        Assert.Equal(("Message", "Read"), (rule.Attribute("ItemType")!.Value, rule.Attribute("FormType")!.Value));
        Assert.Equal("Collaboration", root.Element(App + "DisplayName")!.Attribute("DefaultValue")!.Value);
        Assert.Equal("协作 CRM", root.Element(App + "DisplayName")!.Element(App + "Override")!.Attribute("Value")!.Value);

        var v10 = root.Elements(XmlManifest.Mailor10 + "VersionOverrides").Single();
        var v11 = v10.Elements().Last();
        Assert.Equal(XmlManifest.Mailor11 + "VersionOverrides", v11.Name);
        var extensionPoint = v11.Descendants(XmlManifest.Mailor11 + "ExtensionPoint").First();
        Assert.Equal("MessageReadCommandSurface", extensionPoint.Attribute(XmlManifest.Xsi + "type")!.Value);
        var action = extensionPoint.Descendants(XmlManifest.Mailor11 + "Action").Single();
        Assert.Equal("ShowTaskpane", action.Attribute(XmlManifest.Xsi + "type")!.Value);
        Assert.Equal("true", action.Element(XmlManifest.Mailor11 + "SupportsPinning")!.Value);
        var sso = v11.Element(XmlManifest.Mailor11 + "WebApplicationInfo")!;
        Assert.Equal(GeneratedPackage.AppId.ToString(), sso.Element(XmlManifest.Mailor11 + "Id")!.Value);
        Assert.Equal($"api://crm.contoso.com/{GeneratedPackage.AppId}", sso.Element(XmlManifest.Mailor11 + "Resource")!.Value);

        // Every resource string has a Chinese override.
        var strings = v11.Descendants(XmlManifest.Bt + "String").ToList();
        Assert.NotEmpty(strings);
        Assert.All(strings, s => Assert.Equal("zh-CN", s.Element(XmlManifest.Bt + "Override")!.Attribute("Locale")!.Value));
    }
}
