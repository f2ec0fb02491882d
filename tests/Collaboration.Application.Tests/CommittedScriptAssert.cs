namespace Collaboration.Application.Tests;

/// <summary>Holds a committed fresh-database script to the one its provider's migrations generate now.</summary>
internal static class CommittedScriptAssert
{
    public static void IsCurrent(string generated, string committed, string provider)
    {
        if (Normalize(generated) == Normalize(committed)) return;
        var written = Path.Combine(Path.GetTempPath(), $"FreshDatabase.{provider}.sql");
        File.WriteAllText(written, generated);
        Assert.Fail($"The {provider} migrations changed: regenerate FreshDatabase.sql as the README says (or copy {written}, " +
            $"the script they generate now, over shared/Collaboration.Infrastructure/Persistence/Migrations/{provider}/FreshDatabase.sql).");
    }

    private static string Normalize(string script) => script.Replace("\r\n", "\n").Trim().TrimStart('\uFEFF');
}
