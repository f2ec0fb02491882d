using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Reports;

/// <summary>
/// One stay of a deal in a stage: the stage history read as a path, one row per stage row, with what the reports
/// ask of each stay already worked out (when it ended, whether and when the deal went further or was won after it).
/// Written with the history in the same unit of work; the history stays the record, this is how reports read it.
/// Times are UTC ticks so both providers compare and subtract them the same way in SQL; "never" is
/// <see cref="long.MaxValue"/> (<see cref="long.MinValue"/> for a time before everything), so a report's
/// "by the as-of time" is one comparison.
/// </summary>
public sealed class StageStint
{
    public const long Never = long.MaxValue;
    public const long NoneBefore = long.MinValue;

    public required string TenantId { get; init; }
    public required Guid OpportunityId { get; init; }

    /// <summary>Position in the deal's stage path, from 0, in (changed at, id) order of the history rows.</summary>
    public required int Ordinal { get; init; }

    /// <summary>The deal's current owner: reports attribute a deal's whole path to whoever owns it now.</summary>
    public required string OwnerId { get; set; }

    public required CaptureSource Source { get; set; }
    public required Stage Stage { get; set; }
    public required long EnteredAt { get; set; }

    /// <summary>yyyymm of <see cref="EnteredAt"/> in UTC: the report's month, and the first key of its index.</summary>
    public required int Month { get; set; }

    /// <summary>When the next stage row came; <see cref="Never"/> while this is the deal's last one.</summary>
    public required long LeftAt { get; set; }

    /// <summary>The deal's previous entry into the same stage; <see cref="NoneBefore"/> for its first.</summary>
    public required long PreviousEntryAt { get; set; }

    /// <summary>The first later stage row further along the path to Won; <see cref="Never"/> if none.</summary>
    public required long AdvancedAt { get; set; }

    /// <summary>The first later stage row into Won; <see cref="Never"/> if none.</summary>
    public required long WonAt { get; set; }

    /// <summary>When the deal's first stage row was written: its capture.</summary>
    public required long StartedAt { get; set; }

    // On Lost stays only: the deal's current loss facts, so the loss report needs no second table.
    public string? LossReason { get; set; }
    public string? Competitor { get; set; }
    public string? Currency { get; set; }
    public decimal? Amount { get; set; }

    public static int MonthOf(long ticks)
    {
        var at = new DateTime(ticks, DateTimeKind.Utc);
        return at.Year * 100 + at.Month;
    }

    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    /// <summary>Order along the path to Won; Lost is off the path.</summary>
    public static int Rank(Stage stage) => stage == Stage.Lost ? -1 : (int)stage;
}
