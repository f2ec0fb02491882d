namespace Collaboration.Infrastructure.Persistence.Migrations;

/// <summary>
/// Fills StageStints from the stage history already written: what the StageStints migration runs, frozen with it
/// (later changes to the projection get migrations of their own). The same walk as <c>StageStintProjection.Build</c>,
/// in SQL: one ordered pass per deal with window functions, so a database with millions of stage rows is filled in
/// one statement. The tests hold this to the projection, and both to the reports' reference computation.
/// </summary>
public static class StageStintBackfill
{
    // Stage and CaptureSource as the projection stores them (their enum numbers).
    private const string StageNumber = """
        CASE lower(trim(c."NewValue")) WHEN 'new' THEN 0 WHEN 'qualify' THEN 1 WHEN 'nurture' THEN 2 WHEN 'proposal' THEN 3
            WHEN 'negotiation' THEN 4 WHEN 'contract' THEN 5 WHEN 'won' THEN 6 WHEN 'lost' THEN 7 END
        """;

    private const string SourceNumber = """
        CASE o."Source" WHEN 'Manual' THEN 0 WHEN 'Email' THEN 1 WHEN 'WebForm' THEN 2 WHEN 'Import' THEN 3
            WHEN 'Event' THEN 4 WHEN 'Referral' THEN 5 WHEN 'Prospecting' THEN 6 END
        """;

    public static string Sql(bool sqlite)
    {
        // UTC ticks as the projection keeps them. SQLite stores a DateTimeOffset as (ticks / 1000) << 11 | offset minutes.
        var ticks = sqlite
            ? """(c."ChangedAt" >> 11) * 1000 - ((c."ChangedAt" << 53) >> 53) * 600000000"""
            : """CAST(EXTRACT(EPOCH FROM c."ChangedAt") * 10000000 AS bigint) + 621355968000000000""";
        var month = sqlite
            ? """CAST(strftime('%Y%m', (p."At" - 621355968000000000) / 10000000, 'unixepoch') AS INTEGER)"""
            : """CAST(to_char(to_timestamp((p."At" - 621355968000000000) / 10000000.0) AT TIME ZONE 'UTC', 'YYYYMM') AS integer)""";
        return $$"""
            INSERT INTO "StageStints" ("OpportunityId", "Ordinal", "TenantId", "OwnerId", "Source", "Stage", "EnteredAt", "Month",
                                       "LeftAt", "PreviousEntryAt", "AdvancedAt", "WonAt", "StartedAt",
                                       "LossReason", "Competitor", "Currency", "Amount")
            SELECT p."OpportunityId", p."Ordinal", p."TenantId", o."OwnerId", {{SourceNumber}}, p."Stage", p."At", {{month}},
                   COALESCE(p."NextAt", 9223372036854775807),
                   COALESCE(p."PreviousSameAt", -9223372036854775807 - 1),
                   COALESCE(CASE p."Stage" WHEN 7 THEN p."Above7" WHEN 0 THEN p."Above0" WHEN 1 THEN p."Above1" WHEN 2 THEN p."Above2"
                                WHEN 3 THEN p."Above3" WHEN 4 THEN p."Above4" WHEN 5 THEN p."Above5" END, 9223372036854775807),
                   COALESCE(p."WonAt", 9223372036854775807),
                   p."StartedAt",
                   CASE WHEN p."Stage" = 7 THEN o."LossReason" END, CASE WHEN p."Stage" = 7 THEN o."Competitor" END,
                   CASE WHEN p."Stage" = 7 THEN o."Currency" END, CASE WHEN p."Stage" = 7 THEN o."Amount" END
            FROM (
                SELECT r."OpportunityId", r."TenantId", r."Stage", r."At",
                       CAST(ROW_NUMBER() OVER w - 1 AS INTEGER) AS "Ordinal",
                       LEAD(r."At") OVER w AS "NextAt",
                       FIRST_VALUE(r."At") OVER w AS "StartedAt",
                       LAG(r."At") OVER (PARTITION BY r."OpportunityId", r."Stage" ORDER BY r."At", r."Id") AS "PreviousSameAt",
                       MIN(CASE WHEN r."Stage" = 6 THEN r."At" END) OVER later AS "WonAt",
                       MIN(CASE WHEN r."Stage" <= 6 THEN r."At" END) OVER later AS "Above7",
                       MIN(CASE WHEN r."Stage" BETWEEN 1 AND 6 THEN r."At" END) OVER later AS "Above0",
                       MIN(CASE WHEN r."Stage" BETWEEN 2 AND 6 THEN r."At" END) OVER later AS "Above1",
                       MIN(CASE WHEN r."Stage" BETWEEN 3 AND 6 THEN r."At" END) OVER later AS "Above2",
                       MIN(CASE WHEN r."Stage" BETWEEN 4 AND 6 THEN r."At" END) OVER later AS "Above3",
                       MIN(CASE WHEN r."Stage" BETWEEN 5 AND 6 THEN r."At" END) OVER later AS "Above4",
                       MIN(CASE WHEN r."Stage" = 6 THEN r."At" END) OVER later AS "Above5"
                FROM (
                    SELECT c."OpportunityId", c."TenantId", c."Id", {{StageNumber}} AS "Stage", {{ticks}} AS "At"
                    FROM "OpportunityChanges" c
                    WHERE c."Field" = 'Stage'
                ) r
                WHERE r."Stage" IS NOT NULL
                WINDOW w AS (PARTITION BY r."OpportunityId" ORDER BY r."At", r."Id"),
                       later AS (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
            ) p
            JOIN "Opportunities" o ON o."Id" = p."OpportunityId";
            """;
    }
}
