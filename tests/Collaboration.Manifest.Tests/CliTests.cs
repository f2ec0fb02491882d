namespace Collaboration.Manifest.Tests;

public sealed class CliTests
{
    private const string App = "6f1c2a9e-2b1d-4c55-9a0b-00000000a001";
    private const string Bot = "6f1c2a9e-2b1d-4c55-9a0b-00000000b001";

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Cli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void OneCommandWritesThePackageTheManifestsAndTheIcons()
    {
        var folder = Directory.CreateTempSubdirectory("collab-cli-").FullName;
        try
        {
            var (exitCode, output, error) = Run("--base-url", "https://crm.contoso.com", "--app-id", App, "--bot-id", Bot, "--out", folder);

            Assert.True(exitCode == 0, error);
            Assert.Equal(
                ["appPackage.zip", "color.png", "manifest.json", "outline.png", "outlook-addin.xml", "zh-cn.json"],
                Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Contains("appPackage.zip", output);
            Assert.Equal("", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("http://crm.contoso.com", "must use https")]
    [InlineData("ftp://crm.contoso.com", "absolute https:// URL")]
    [InlineData("crm.contoso.com", "absolute https:// URL")]
    [InlineData("https://crm.contoso.com/?tenant=a", "query")]
    [InlineData("https://user:pw@crm.contoso.com", "credentials")]
    public void ABadBaseUrlIsRefused(string baseUrl, string message)
    {
        var (exitCode, _, error) = Run("--base-url", baseUrl, "--app-id", App, "--bot-id", Bot, "--out", Path.GetTempPath());

        Assert.Equal(2, exitCode);
        Assert.Contains("--base-url", error);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid")]
    [InlineData("--app-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("--app-id", "6f1c2a9e2b1d4c559a0b00000000a001")]
    [InlineData("--bot-id", "{6f1c2a9e-2b1d-4c55-9a0b-00000000b001}")]
    [InlineData("--bot-id", "12345")]
    public void ABadIdIsRefused(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--base-url"] = "https://crm.contoso.com", ["--app-id"] = App, ["--bot-id"] = Bot };
        args[option] = value;

        var (exitCode, _, error) = Run(args.SelectMany(a => new[] { a.Key, a.Value }).ToArray());

        Assert.Equal(2, exitCode);
        Assert.Contains($"{option} must be a non-empty GUID", error);
    }

    [Theory]
    [InlineData(new[] { "--app-id", App, "--bot-id", Bot }, "--base-url is required")]
    [InlineData(new[] { "--base-url", "https://crm.contoso.com", "--bot-id", Bot }, "--app-id is required")]
    [InlineData(new[] { "--base-url", "https://crm.contoso.com", "--app-id", App }, "--bot-id is required")]
    [InlineData(new[] { "--base-url", "https://crm.contoso.com", "--app-id", App, "--bot-id", Bot, "--version", "1.0" }, "--version must be three numbers")]
    [InlineData(new[] { "--base-url", "https://crm.contoso.com", "--app-id", App, "--bot-id", Bot, "--version", "1.0.123456" }, "--version must be three numbers")]
    [InlineData(new[] { "--base-url", "https://crm.contoso.com", "--app-id", App, "--bot-id", Bot, "--colour", "red" }, "unknown option '--colour'")]
    [InlineData(new[] { "--base-url", "https://crm.contoso.com", "--app-id", App, "--bot-id" }, "--bot-id needs a value")]
    [InlineData(new[] { "--base-url", "https://a.example", "--base-url", "https://b.example" }, "--base-url is given twice")]
    public void MissingUnknownOrMalformedArgumentsAreRefused(string[] args, string message)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("http://localhost:3000", "http://localhost:3000/", "localhost:3000")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/", "127.0.0.1:5000")]
    [InlineData("https://crm.contoso.com", "https://crm.contoso.com/", "crm.contoso.com")]
    [InlineData("https://apps.contoso.com/crm", "https://apps.contoso.com/crm/", "apps.contoso.com")]
    public void HttpsAndLocalHttpBaseUrlsAreAcceptedAndNormalized(string baseUrl, string normalized, string domain)
    {
        var settings = AppSettings.Create(baseUrl, App, Bot);

        Assert.Equal(normalized, settings.BaseUrl.ToString());
        Assert.Equal(domain, settings.Domain);
        Assert.Equal(normalized + "taskpane.html", settings.TaskpaneUrl.ToString());
        Assert.Equal($"api://{domain}/{App}", settings.Resource);
    }
}
