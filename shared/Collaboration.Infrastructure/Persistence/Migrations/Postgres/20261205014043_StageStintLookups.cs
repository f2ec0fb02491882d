using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageStintLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StageStints_Entries",
                table: "StageStints",
                columns: new[] { "OpportunityId", "Stage", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StageStints_Waiting",
                table: "StageStints",
                columns: new[] { "OpportunityId", "AdvancedAt", "Stage", "Ordinal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StageStints_Entries",
                table: "StageStints");

            migrationBuilder.DropIndex(
                name: "IX_StageStints_Waiting",
                table: "StageStints");
        }
    }
}
