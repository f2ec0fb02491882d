namespace Collaboration.Manifest;

/// <summary>
/// dotnet run --project manifest/Collaboration.Manifest -- --base-url https://crm.contoso.com --app-id &lt;guid&gt; --bot-id &lt;guid&gt; [--version 1.0.0] [--out artifacts/]
/// dotnet run --project manifest/Collaboration.Manifest -- --write-assets addin/Collaboration.Addin/wwwroot/assets
/// </summary>
public static class Cli
{
    public const string Usage = """
        Builds the Microsoft 365 app package (Teams bot + Outlook add-in) and the XML add-in manifest for one environment.

        Usage:
          dotnet run --project manifest/Collaboration.Manifest -- --base-url <https://host> --app-id <guid> --bot-id <guid> [--version 1.0.0] [--out artifacts/]
          dotnet run --project manifest/Collaboration.Manifest -- --write-assets <folder>

          --base-url      where the add-in backend is published (https; http only for localhost)
          --app-id        the Entra app (client) id of the add-in API: package id, SSO id and XML add-in id
          --bot-id        the Azure Bot's Microsoft App ID
          --version       app version n.n.n (default 1.0.0); the XML manifest gets n.n.n.0
          --out           output folder (default artifacts/)
          --write-assets  write the icons the backend serves under /assets into <folder> and stop
        """;

    private static readonly HashSet<string> Options = ["--base-url", "--app-id", "--bot-id", "--version", "--out", "--write-assets"];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Dictionary<string, string> options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine();
            error.WriteLine(Usage);
            return 2;
        }

        if (options.ContainsKey("--help"))
        {
            output.WriteLine(Usage);
            return 0;
        }

        if (options.TryGetValue("--write-assets", out var assets))
        {
            foreach (var path in AppPackage.WriteAssets(assets)) output.WriteLine($"wrote {path}");
            return 0;
        }

        AppSettings settings;
        try
        {
            settings = AppSettings.Create(options.GetValueOrDefault("--base-url"), options.GetValueOrDefault("--app-id"),
                options.GetValueOrDefault("--bot-id"), options.GetValueOrDefault("--version"));
        }
        catch (ArgumentException e)
        {
            foreach (var line in e.Message.Split(Environment.NewLine)) error.WriteLine($"error: {line}");
            return 2;
        }

        if (settings.BaseUrl.Scheme == Uri.UriSchemeHttp)
        {
            error.WriteLine("warning: http base URL: fine for checking the pages locally, but Teams and Outlook load the task pane only over https.");
        }

        var files = AppPackage.Write(settings, options.GetValueOrDefault("--out") ?? "artifacts");
        output.WriteLine($"App package (upload to Teams or the Microsoft 365 admin center): {files.Zip}");
        output.WriteLine($"XML add-in manifest (Outlook on Mac, mobile, perpetual Office): {files.XmlManifest}");
        output.WriteLine($"  manifest v{TeamsManifest.ManifestVersion}, app {settings.AppId}, bot {settings.BotId}, version {settings.Version}, task pane {settings.TaskpaneUrl}");
        return 0;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                options["--help"] = "";
                continue;
            }

            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new ArgumentException(Options.Contains(name) ? $"{name} needs a value." : $"unknown argument '{name}'.");
            }

            if (!Options.Contains(name)) throw new ArgumentException($"unknown option '{name}'.");
            if (!options.TryAdd(name, value)) throw new ArgumentException($"{name} is given twice.");
        }

        return options;
    }
}
