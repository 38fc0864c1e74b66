using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WeProtect.Summit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Statements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SummitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SigningOpensUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SigningClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinalVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_Summits_SummitId",
                        column: x => x.SummitId,
                        principalTable: "Summits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementVersions_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_FinalVersionId",
                table: "Statements",
                column: "FinalVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_SummitId",
                table: "Statements",
                column: "SummitId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementVersions_StatementId_Number",
                table: "StatementVersions",
                columns: new[] { "StatementId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Statements_StatementVersions_FinalVersionId",
                table: "Statements",
                column: "FinalVersionId",
                principalTable: "StatementVersions",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Statements_StatementVersions_FinalVersionId",
                table: "Statements");

            migrationBuilder.DropTable(
                name: "StatementVersions");

            migrationBuilder.DropTable(
                name: "Statements");
        }
    }
}
