using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Collaboration.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DealUpkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "OpportunityChanges",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "FollowUpEnrolments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StoppedAt",
                table: "FollowUpEnrolments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reason",
                table: "OpportunityChanges");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "FollowUpEnrolments");

            migrationBuilder.DropColumn(
                name: "StoppedAt",
                table: "FollowUpEnrolments");
        }
    }
}
