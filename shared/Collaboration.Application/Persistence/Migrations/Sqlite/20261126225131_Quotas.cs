using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Quotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Quotas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotas", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityChanges_TenantId_Field_OpportunityId_ChangedAt",
                table: "OpportunityChanges",
                columns: new[] { "TenantId", "Field", "OpportunityId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotas_TenantId_OwnerId_PeriodStart",
                table: "Quotas",
                columns: new[] { "TenantId", "OwnerId", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Quotas");

            migrationBuilder.DropIndex(
                name: "IX_OpportunityChanges_TenantId_Field_OpportunityId_ChangedAt",
                table: "OpportunityChanges");
        }
    }
}
