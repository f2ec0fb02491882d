using System.Globalization;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>
/// The fallback to the directory sync: a CSV of <c>email, team, manager email</c> (a header line is optional). Every line
/// is checked first; one bad line refuses the whole file with every problem named by its line, and nothing is saved.
/// </summary>
public sealed class PeopleImport(ICrmDatabase database, TimeProvider clock)
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxLines = 5_000;

    public async Task<int> ImportAsync(Actor admin, string csv, CancellationToken ct = default)
    {
        var lines = csv.Split('\n');
        if (csv.Length > MaxBytes || lines.Length > MaxLines + 1) throw TooLarge();
        await using var db = database.Open(admin.TenantId);
        var users = await db.Users.ToListAsync(ct);
        var byEmail = users.Where(u => u.Email is not null).GroupBy(u => u.Email!).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var problems = new List<FieldProblem>();
        var placements = new List<(User User, string? Team, User? Manager)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = CsvLine.Split(line);
            if (i == 0 && cells[0].Trim().Equals("email", StringComparison.OrdinalIgnoreCase)) continue;
            void Problem(string detail) => problems.Add(FieldProblem.Of($"line {i + 1}", "invalid_import_line",
                ("line", (i + 1).ToString(CultureInfo.InvariantCulture)), ("detail", detail)));
            if (cells.Count is < 2 or > 3)
            {
                Problem("expected: email, team, manager email");
                continue;
            }
            var user = byEmail.GetValueOrDefault(cells[0].Trim());
            if (user is null) Problem($"nobody here has the email \"{Clip(cells[0])}\"");
            var team = cells[1].Trim();
            if (team.Length > User.MaxTeamLength) Problem($"a team name has at most {User.MaxTeamLength} characters");
            User? manager = null;
            if (cells.Count == 3 && cells[2].Trim() is { Length: > 0 } managerEmail)
            {
                manager = byEmail.GetValueOrDefault(managerEmail);
                if (manager is null) Problem($"nobody here has the manager email \"{Clip(managerEmail)}\"");
                else if (manager == user) Problem("nobody can be their own manager");
            }
            if (user is not null) placements.Add((user, team, manager));
        }
        if (problems.Count == 0)
        {
            foreach (var (user, team, manager) in placements)
            {
                user.AssignTeam(team);
                if (manager is not null) user.AssignManager(manager.ObjectId);
            }
            foreach (var (user, _, _) in placements)
            {
                if (OrganisationChart.CycleThrough(users, user.ObjectId) is { } cycle)
                {
                    problems.Add(FieldProblem.Of("file", "manager_cycle", ("value", string.Join(" → ", cycle.Select(id => users.First(u => u.ObjectId == id).Email ?? id)))));
                    break;
                }
            }
        }
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_import", problems.Take(100).ToList());
        AuditLog.Record(db, admin, "people.import", null, new { people = placements.Count }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return placements.Count;
    }

    private static string Clip(string value) => value.Length > 80 ? value[..80] + "…" : value.Trim();

    private static InvalidFieldsException TooLarge() => new("invalid_import", [FieldProblem.Of("file", "import_too_large",
        ("max", MaxLines.ToString(CultureInfo.InvariantCulture)), ("bytes", MaxBytes.ToString(CultureInfo.InvariantCulture)))]);
}

/// <summary>One CSV line into cells: commas, and double quotes around cells that hold commas or quotes ("" is a quote).</summary>
internal static class CsvLine
{
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',' || c == ';') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
