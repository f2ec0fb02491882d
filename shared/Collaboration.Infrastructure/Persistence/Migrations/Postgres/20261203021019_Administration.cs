using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Administration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "Users",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "ManagerSetByHand",
                table: "Users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "TeamSetByHand",
                table: "Users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerId",
                table: "Quotas",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "Quotas",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Quotas_TenantId_Team_PeriodStart",
                table: "Quotas",
                columns: new[] { "TenantId", "Team", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotas_TenantId_Team_PeriodStart",
                table: "Quotas");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ManagerSetByHand",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TeamSetByHand",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "Quotas");

            migrationBuilder.AlterColumn<string>(
                name: "OwnerId",
                table: "Quotas",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
