using System.Globalization;
using System.Text;

namespace Collaboration.Domain.Opportunities;

public sealed record DealCandidate(Guid Id, string Name, string? AccountName, bool IsOpen);

public enum DealMatchOutcome
{
    None,
    Unique,
    Ambiguous,
}

public sealed record DealMatch(DealMatchOutcome Outcome, IReadOnlyList<DealCandidate> Candidates)
{
    public DealCandidate? Single => Outcome == DealMatchOutcome.Unique ? Candidates[0] : null;
}

/// <summary>
/// Finds the deal a rep means by a few words ("contoso" finds "Contoso Ltd – 50 seats"). When the best
/// matches tie, it reports them all: a wrong guess would change the wrong deal.
/// </summary>
public static class DealNameMatcher
{
    public static DealMatch Match(string query, IEnumerable<DealCandidate> candidates, int maxCandidates = 8)
    {
        var wanted = Normalize(query);
        if (wanted.Length == 0) return new DealMatch(DealMatchOutcome.None, []);
        var wantedTokens = Tokens(wanted);

        var scored = candidates
            .Select(c => (Candidate: c, Score: Score(wanted, wantedTokens, c)))
            .Where(s => s.Score > 0)
            .Select(s => (s.Candidate, Score: s.Score + (s.Candidate.IsOpen ? 5 : 0)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Candidate.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (scored.Count == 0) return new DealMatch(DealMatchOutcome.None, []);

        var best = scored[0].Score;
        var top = scored.Where(s => s.Score == best).Select(s => s.Candidate).ToList();
        if (top.Count == 1) return new DealMatch(DealMatchOutcome.Unique, top);
        return new DealMatch(DealMatchOutcome.Ambiguous, top.Take(maxCandidates).ToList());
    }

    /// <summary>Every candidate the words match, best first (open deals ahead of closed ones at the same score), at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<DealCandidate> Rank(string query, IEnumerable<DealCandidate> candidates, int limit)
    {
        var wanted = Normalize(query);
        if (wanted.Length == 0 || limit <= 0) return [];
        var wantedTokens = Tokens(wanted);
        return candidates
            .Select(c => (Candidate: c, Score: Score(wanted, wantedTokens, c)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score + (s.Candidate.IsOpen ? 5 : 0))
            .ThenBy(s => s.Candidate.Name, StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .Select(s => s.Candidate)
            .ToList();
    }

    private static int Score(string wanted, string[] wantedTokens, DealCandidate candidate)
    {
        var name = Normalize(candidate.Name);
        var account = Normalize(candidate.AccountName ?? "");
        if (name == wanted) return 100;
        if (name.StartsWith(wanted, StringComparison.Ordinal)) return 90;
        if (account.Length > 0 && account == wanted) return 85;
        var nameTokens = Tokens(name + " " + account);
        if (wantedTokens.All(w => nameTokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)))) return 80;
        if (name.Contains(wanted, StringComparison.Ordinal) || account.Contains(wanted, StringComparison.Ordinal)) return 70;
        if (wantedTokens.All(w => w.Length >= 4 && nameTokens.Any(t => WithinOneEdit(w, t.Length > w.Length ? t[..w.Length] : t)))) return 50;
        return 0;
    }

    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string[] Tokens(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
