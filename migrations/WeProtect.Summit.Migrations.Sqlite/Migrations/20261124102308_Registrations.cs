using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeProtect.Summit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Registrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ApprovedCount",
                table: "Summits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DelegationQuotas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SummitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadsOfDelegation = table.Column<int>(type: "INTEGER", nullable: false),
                    Delegates = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedHeads = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedDelegates = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegationQuotas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegationQuotas_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DelegationQuotas_Summits_SummitId",
                        column: x => x.SummitId,
                        principalTable: "Summits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FailedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SummitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedOrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProposedSector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProposedCountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IsMinister = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConsentToPublicList = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WaitlistedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BadgeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CheckedInUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Summits_SummitId",
                        column: x => x.SummitId,
                        principalTable: "Summits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DelegationQuotas_OrganisationId",
                table: "DelegationQuotas",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegationQuotas_SummitId_OrganisationId",
                table: "DelegationQuotas",
                columns: new[] { "SummitId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentUtc_FailedUtc",
                table: "Notifications",
                columns: new[] { "SentUtc", "FailedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_BadgeCode",
                table: "Registrations",
                column: "BadgeCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_OrganisationId",
                table: "Registrations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_SummitId_Status_WaitlistedUtc",
                table: "Registrations",
                columns: new[] { "SummitId", "Status", "WaitlistedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_SummitId_UserId",
                table: "Registrations",
                columns: new[] { "SummitId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_UserId",
                table: "Registrations",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DelegationQuotas");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropColumn(
                name: "ApprovedCount",
                table: "Summits");
        }
    }
}
