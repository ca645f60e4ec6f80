using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace SocialInfra.Data.Migrations
{
    /// <inheritdoc />
    public partial class Workshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkshopSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    DotBudget = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FacilitatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilitatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GapRecord = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSessions", x => x.Id);
                    table.CheckConstraint("CK_WorkshopSession_dots", "\"DotBudget\" BETWEEN 1 AND 20");
                    table.ForeignKey(
                        name: "FK_WorkshopSessions_LocalAuthorities_LocalAuthorityCode",
                        column: x => x.LocalAuthorityCode,
                        principalTable: "LocalAuthorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopParticipants_WorkshopSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "WorkshopSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopSessionWard",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSessionWard", x => new { x.SessionId, x.WardId });
                    table.ForeignKey(
                        name: "FK_WorkshopSessionWard_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkshopSessionWard_WorkshopSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "WorkshopSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CategorySlug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Location = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    WardId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Dots = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    EditVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contributions", x => x.Id);
                    table.CheckConstraint("CK_Contribution_dots", "\"Dots\" >= 0");
                    table.ForeignKey(
                        name: "FK_Contributions_Contributions_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Contributions_PlaceSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "PlaceSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Contributions_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Contributions_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contributions_WorkshopParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "WorkshopParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Contributions_WorkshopSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "WorkshopSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContributionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dots = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => new { x.ParticipantId, x.ContributionId });
                    table.CheckConstraint("CK_Vote_dots", "\"Dots\" > 0");
                    table.ForeignKey(
                        name: "FK_Votes_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Votes_WorkshopParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "WorkshopParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_MergedIntoId",
                table: "Contributions",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_ParticipantId",
                table: "Contributions",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_PlaceId",
                table: "Contributions",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_SessionId_ClientId",
                table: "Contributions",
                columns: new[] { "SessionId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_SubmissionId",
                table: "Contributions",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_WardId",
                table: "Contributions",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_ContributionId",
                table: "Votes",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopParticipants_SessionId",
                table: "WorkshopParticipants",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopParticipants_TokenHash",
                table: "WorkshopParticipants",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSessionWard_WardId",
                table: "WorkshopSessionWard",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSessions_Code",
                table: "WorkshopSessions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSessions_FacilitatorId",
                table: "WorkshopSessions",
                column: "FacilitatorId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSessions_LocalAuthorityCode",
                table: "WorkshopSessions",
                column: "LocalAuthorityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "WorkshopSessionWard");

            migrationBuilder.DropTable(
                name: "Contributions");

            migrationBuilder.DropTable(
                name: "WorkshopParticipants");

            migrationBuilder.DropTable(
                name: "WorkshopSessions");
        }
    }
}
