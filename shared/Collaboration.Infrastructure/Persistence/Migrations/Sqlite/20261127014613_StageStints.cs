using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Infrastructure.Persistence.Migrations.Sqlite
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
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousEntryAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AdvancedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WonAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LossReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Competitor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true)
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

            // Fill the stints from the history before their indexes exist (faster) and while the history's stage-path
            // index still exists to walk it. Then the history's two report indexes go (the stints replace them), and
            // so does the deal index that IX_Opportunities_Pipeline extends.
            migrationBuilder.Sql(StageStintBackfill.Sql(sqlite: true));

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Pipeline",
                table: "Opportunities",
                columns: new[] { "TenantId", "OwnerId", "Stage", "CloseDate", "Source", "Currency", "Probability", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_StageStints_Current",
                table: "StageStints",
                columns: new[] { "TenantId", "Stage", "LeftAt", "EnteredAt", "OwnerId", "Source", "LossReason", "Competitor", "Currency", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_StageStints_Period",
                table: "StageStints",
                columns: new[] { "TenantId", "Month", "OwnerId", "Source", "Stage", "EnteredAt", "PreviousEntryAt", "LeftAt", "AdvancedAt", "WonAt", "StartedAt", "LossReason", "Competitor", "Currency", "Amount" });

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_StagePath",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_StagePeriod",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_TenantId_OwnerId_Stage_CloseDate",
                table: "Opportunities");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageStints");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Pipeline",
                table: "Opportunities");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_StagePath",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "OpportunityId", "ChangedAt", "Id", "NewValue" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_StagePeriod",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "ChangedAt", "OpportunityId", "Id", "NewValue" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_OwnerId_Stage_CloseDate",
                table: "Opportunities",
                columns: new[] { "TenantId", "OwnerId", "Stage", "CloseDate" });
        }
    }
}
