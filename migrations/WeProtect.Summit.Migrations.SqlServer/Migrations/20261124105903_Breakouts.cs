using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeProtect.Summit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Breakouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarToken",
                table: "Registrations",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Existing registrations get a random calendar token each, before the unique index is created.
            migrationBuilder.Sql("UPDATE [Registrations] SET [CalendarToken] = LOWER(CONVERT(varchar(32), CRYPT_GEN_RANDOM(16), 2));");

            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SummitId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rooms_Summits_SummitId",
                        column: x => x.SummitId,
                        principalTable: "Summits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SummitId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Colour = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Summits_SummitId",
                        column: x => x.SummitId,
                        principalTable: "Summits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Breakouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SummitId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ThemeId = table.Column<int>(type: "int", nullable: true),
                    RoomId = table.Column<int>(type: "int", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    ConfirmedCount = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Breakouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Breakouts_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breakouts_Summits_SummitId",
                        column: x => x.SummitId,
                        principalTable: "Summits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Breakouts_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BreakoutId = table.Column<int>(type: "int", nullable: false),
                    RegistrationId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelledUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_Breakouts_BreakoutId",
                        column: x => x.BreakoutId,
                        principalTable: "Breakouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bookings_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BreakoutFacilitator",
                columns: table => new
                {
                    BreakoutId = table.Column<int>(type: "int", nullable: false),
                    FacilitatorsId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakoutFacilitator", x => new { x.BreakoutId, x.FacilitatorsId });
                    table.ForeignKey(
                        name: "FK_BreakoutFacilitator_AspNetUsers_FacilitatorsId",
                        column: x => x.FacilitatorsId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BreakoutFacilitator_Breakouts_BreakoutId",
                        column: x => x.BreakoutId,
                        principalTable: "Breakouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreakoutOrganisation",
                columns: table => new
                {
                    BreakoutId = table.Column<int>(type: "int", nullable: false),
                    FacilitatingOrganisationsId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakoutOrganisation", x => new { x.BreakoutId, x.FacilitatingOrganisationsId });
                    table.ForeignKey(
                        name: "FK_BreakoutOrganisation_Breakouts_BreakoutId",
                        column: x => x.BreakoutId,
                        principalTable: "Breakouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BreakoutOrganisation_Organisations_FacilitatingOrganisationsId",
                        column: x => x.FacilitatingOrganisationsId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CalendarToken",
                table: "Registrations",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_BreakoutId_RegistrationId",
                table: "Bookings",
                columns: new[] { "BreakoutId", "RegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_BreakoutId_Status_RequestedUtc",
                table: "Bookings",
                columns: new[] { "BreakoutId", "Status", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_RegistrationId_Status",
                table: "Bookings",
                columns: new[] { "RegistrationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutFacilitator_FacilitatorsId",
                table: "BreakoutFacilitator",
                column: "FacilitatorsId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutOrganisation_FacilitatingOrganisationsId",
                table: "BreakoutOrganisation",
                column: "FacilitatingOrganisationsId");

            migrationBuilder.CreateIndex(
                name: "IX_Breakouts_RoomId",
                table: "Breakouts",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_Breakouts_SummitId_StartUtc",
                table: "Breakouts",
                columns: new[] { "SummitId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Breakouts_ThemeId",
                table: "Breakouts",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_SummitId_Name",
                table: "Rooms",
                columns: new[] { "SummitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Themes_SummitId_Name",
                table: "Themes",
                columns: new[] { "SummitId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "BreakoutFacilitator");

            migrationBuilder.DropTable(
                name: "BreakoutOrganisation");

            migrationBuilder.DropTable(
                name: "Breakouts");

            migrationBuilder.DropTable(
                name: "Rooms");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_CalendarToken",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "CalendarToken",
                table: "Registrations");
        }
    }
}
