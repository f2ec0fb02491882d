using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForeignKeyIndexesShared : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_OpportunityId",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_TenantId_OpportunityId_ChangedAt",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_AccountId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_PrimaryContactId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_TenantId_AccountId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_TenantId_PrimaryContactId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_OpportunityId",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_TenantId_OpportunityId_OccurredAt",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_OpportunityId_TenantId_ChangedAt",
                table: "OpportunityChanges",
                columns: new[] { "OpportunityId", "TenantId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_AccountId_TenantId",
                table: "Opportunities",
                columns: new[] { "AccountId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_PrimaryContactId_TenantId",
                table: "Opportunities",
                columns: new[] { "PrimaryContactId", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpportunityId_TenantId_OccurredAt",
                table: "Interactions",
                columns: new[] { "OpportunityId", "TenantId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_OpportunityId_TenantId_ChangedAt",
                table: "OpportunityChanges");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_AccountId_TenantId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_PrimaryContactId_TenantId",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_OpportunityId_TenantId_OccurredAt",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_OpportunityId",
                table: "OpportunityChanges",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_TenantId_OpportunityId_ChangedAt",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "OpportunityId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_AccountId",
                table: "Opportunities",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_PrimaryContactId",
                table: "Opportunities",
                column: "PrimaryContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_AccountId",
                table: "Opportunities",
                columns: new[] { "TenantId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_PrimaryContactId",
                table: "Opportunities",
                columns: new[] { "TenantId", "PrimaryContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpportunityId",
                table: "Interactions",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_TenantId_OpportunityId_OccurredAt",
                table: "Interactions",
                columns: new[] { "TenantId", "OpportunityId", "OccurredAt" });
        }
    }
}
