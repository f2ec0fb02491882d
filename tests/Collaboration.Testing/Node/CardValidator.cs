using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Collaboration.Testing.Node;

/// <summary>One thing the official Adaptive Cards library (or the schema's required properties) objects to.</summary>
/// <param name="Severity">"error" or "warning"; both make a card invalid.</param>
/// <param name="Event">The library's ValidationEvent name, e.g. UnknownElementType, PropertyCantBeNull.</param>
/// <param name="Phase">Parse, Validation or Schema.</param>
/// <param name="Source">The element or action concerned, e.g. "Input.Text#comment", when known.</param>
public sealed record CardProblem(string Severity, string Event, string Phase, string Message, string? Source)
{
    public override string ToString() => $"{Severity} {Event}{(Source is null ? "" : $" at {Source}")}: {Message}";
}

public sealed record CardValidationResult(string Name, IReadOnlyList<CardProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

public sealed class CardValidationException(string message) : Exception(message);

/// <summary>
/// Validates Adaptive Cards the way Teams will read them: runs tests/cards/validate-cards.mjs (the npm
/// <c>adaptivecards</c> library, schema 1.5, Teams-like host config) on the cards. Needs Node and <c>npm ci</c>.
/// </summary>
public static class CardValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>Validates one card: an object serialized with web defaults, a JsonElement/JsonNode, or a JSON string.</summary>
    public static async Task<IReadOnlyList<CardProblem>> ValidateAsync(object card, CancellationToken cancellationToken = default) =>
        (await ValidateAsync([("card", card)], cancellationToken))[0].Problems;

    /// <summary>Validates several named cards in one Node run; results are in input order.</summary>
    public static async Task<IReadOnlyList<CardValidationResult>> ValidateAsync(
        IEnumerable<(string Name, object Card)> cards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var input = new JsonArray();
        foreach (var (name, card) in cards)
        {
            input.Add(new JsonObject { ["name"] = name, ["card"] = ToNode(card) });
        }

        var script = Path.Combine(NodeTools.RepositoryRoot, "tests", "cards", "validate-cards.mjs");
        NodeTools.RequireInstalled(Path.Combine("adaptivecards", "dist", "adaptivecards.js"));
        var file = Path.Combine(Path.GetTempPath(), $"collaboration-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString(), cancellationToken);
        try
        {
            var (exitCode, stdout, stderr) = await RunNodeAsync(script, file, cancellationToken);
            if (exitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"validate-cards.mjs failed with exit code {exitCode}: {stderr}{stdout}");
            }

            var report = JsonSerializer.Deserialize<Report>(stdout, WebJson)
                ?? throw new InvalidOperationException($"validate-cards.mjs printed no report: {stdout}");
            return [.. report.Cards.Select(c => new CardValidationResult(c.Name, c.Problems))];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Throws <see cref="CardValidationException"/> listing every problem when the card is not valid.</summary>
    public static async Task EnsureValidAsync(object card, CancellationToken cancellationToken = default)
    {
        var problems = await ValidateAsync(card, cancellationToken);
        if (problems.Count > 0)
        {
            throw new CardValidationException(
                $"The Adaptive Card is not valid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }

    private static JsonNode? ToNode(object card) => card switch
    {
        string json => JsonNode.Parse(json),
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(card, card.GetType(), WebJson),
    };

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(string script, string file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeTools.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Could not start `node`: install Node.js 20 and put it on PATH.", ex);
        }

        using var _ = process;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private sealed record Report(bool Valid, List<ReportCard> Cards);

    private sealed record ReportCard(string Name, bool Valid, List<CardProblem> Problems);
}
