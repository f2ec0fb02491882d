using System.Text.RegularExpressions;
using Collaboration.Domain.Texts;

namespace Collaboration.Domain.Tests.Texts;

/// <summary>
/// No text of the catalog is left behind: each key is named in the sources of the surface that shows it, written out
/// ("help.title", t.noItem) or built from a prefix ($"field.{name}", "field." + name, `count.${key}`).
/// </summary>
public class TextCatalogUsageTests
{
    [Theory]
    [InlineData("errors", "shared|bot|addin/Collaboration.Addin|manifest", "*.cs")]
    [InlineData("bot", "bot", "*.cs")]
    [InlineData("manifest", "manifest", "*.cs")]
    [InlineData("pane", "addin/taskpane/src", "*.ts")]
    [InlineData("dashboard", "addin/dashboard/src|addin/Collaboration.Addin/wwwroot", "*.ts|*.html")]
    public void EveryTextOfASectionIsUsedByItsSurface(string section, string folders, string patterns)
    {
        var sources = string.Join("\n", folders.Split('|').SelectMany(folder => patterns.Split('|').SelectMany(pattern =>
            Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), pattern, SearchOption.AllDirectories)))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var unused = TextCatalog.KeysOf(section).Where(key => !IsNamed(key, sources)).ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void EveryCommandTextBelongsToACommandOfTheList()
    {
        var listed = CommandCatalog.Keys.ToHashSet();
        Assert.All(TextCatalog.KeysOf("commands"), key => Assert.Contains(key[..key.LastIndexOf('.')], listed));
    }

    private static bool IsNamed(string key, string sources)
    {
        // A term is named by its bare key where an error is raised ("missing": "close_date").
        if (key.StartsWith("term.", StringComparison.Ordinal)) key = key["term.".Length..];
        if (sources.Contains($"\"{key}\"", StringComparison.Ordinal) || sources.Contains($"'{key}'", StringComparison.Ordinal)
            || sources.Contains($"`{key}`", StringComparison.Ordinal))
        {
            return true;
        }
        // A member of the pane's texts (t.noItem), or a group it indexes (t.rating[…]).
        var first = key.Split('.')[0];
        if (Regex.IsMatch(sources, $@"\bt\.{Regex.Escape(first)}\b"))
        {
            return true;
        }
        // Built from a prefix: $"field.{name}" or "field." + name in C#, `count.${key}` in TypeScript.
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            var prefix = key[..(dot + 1)];
            if (sources.Contains(prefix + "{", StringComparison.Ordinal) || sources.Contains(prefix + "${", StringComparison.Ordinal)
                || sources.Contains($"\"{prefix}\" +", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("The tests run outside the repository: the sources are not there to read.");
        }
    }
}
