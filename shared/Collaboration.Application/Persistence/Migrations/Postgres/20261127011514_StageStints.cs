using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageStints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StageStints",
                columns: table => new
                {
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    EnteredAt = table.Column<long>(type: "bigint", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    LeftAt = table.Column<long>(type: "bigint", nullable: false),
                    PreviousEntryAt = table.Column<long>(type: "bigint", nullable: false),
                    AdvancedAt = table.Column<long>(type: "bigint", nullable: false),
                    WonAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageStints", x => new { x.OpportunityId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_StageStints_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Fill the stints from the history before their indexes exist (faster), while the history's stage-path
            // index still exists to walk it; then that index and the period one, which only the reports read, go.
            migrationBuilder.Sql(StageStintBackfill.Sql(sqlite: false));

            migrationBuilder.CreateIndex(
                name: "IX_StageStints_Current",
                table: "StageStints",
                columns: new[] { "TenantId", "Stage", "LeftAt", "EnteredAt", "OwnerId", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_StageStints_Period",
                table: "StageStints",
                columns: new[] { "TenantId", "Month", "OwnerId", "Source", "Stage", "EnteredAt", "PreviousEntryAt", "LeftAt", "AdvancedAt", "WonAt", "StartedAt", "OpportunityId" });

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_StagePath",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_StagePeriod",
                table: "OpportunityChanges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageStints");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_StagePath",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "OpportunityId", "ChangedAt", "Id", "NewValue" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_StagePeriod",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "ChangedAt", "OpportunityId", "Id", "NewValue" });
        }
    }
}
