namespace Collaboration.Testing.Node;

/// <summary>Where the repository and its npm test tools (package.json at the root) are.</summary>
public static class NodeTools
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The directory holding Collaboration.sln, found by walking up from the test's base directory.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string NodeModules => Path.Combine(RepositoryRoot, "node_modules");

    /// <summary>The path of <paramref name="relativePath"/> under node_modules; throws a message saying to run npm ci when it is missing.</summary>
    public static string RequireInstalled(string relativePath)
    {
        var path = Path.Combine(NodeModules, relativePath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: the npm test tools are not installed. Run `npm ci` in {RepositoryRoot} (./test.sh does it).");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Collaboration.sln not found above {AppContext.BaseDirectory}.");
    }
}
