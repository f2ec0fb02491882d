using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_TenantId_Field_ChangedAt",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_TenantId_Field_OpportunityId_ChangedAt",
                table: "OpportunityChanges");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_StagePath",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "OpportunityId", "ChangedAt", "Id", "NewValue" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_StagePeriod",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "ChangedAt", "OpportunityId", "Id", "NewValue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_StagePath",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_StagePeriod",
                table: "OpportunityChanges");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_TenantId_Field_ChangedAt",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_TenantId_Field_OpportunityId_ChangedAt",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "OpportunityId", "ChangedAt" });
        }
    }
}
