using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialInfra.Data.Migrations
{
    /// <inheritdoc />
    public partial class ValueNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_FromMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_ToMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropIndex(
                name: "IX_NetworkRelationships_FromMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropIndex(
                name: "IX_NetworkRelationships_NetworkId",
                table: "NetworkRelationships");

            migrationBuilder.DropIndex(
                name: "IX_NetworkRelationships_ToMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropIndex(
                name: "IX_NetworkMembers_NetworkId",
                table: "NetworkMembers");

            migrationBuilder.AlterColumn<string>(
                name: "Purpose",
                table: "ValueNetworks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "NetworkRelationships",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "NetworkMembers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddUniqueConstraint(
                name: "AK_NetworkMembers_NetworkId_Id",
                table: "NetworkMembers",
                columns: new[] { "NetworkId", "Id" });

            migrationBuilder.CreateTable(
                name: "MembershipRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipRequests", x => x.Id);
                    table.CheckConstraint("CK_MembershipRequest_exactly_one_subject", "num_nonnulls(\"OrganisationId\", \"PlaceId\", \"ServiceId\") = 1");
                    table.ForeignKey(
                        name: "FK_MembershipRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipRequests_Organisations_ProposedByOrganisationId",
                        column: x => x.ProposedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipRequests_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipRequests_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipRequests_ValueNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "ValueNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkCoordinators",
                columns: table => new
                {
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkCoordinators", x => new { x.NetworkId, x.UserId });
                    table.ForeignKey(
                        name: "FK_NetworkCoordinators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkCoordinators_ValueNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "ValueNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRelationships_NetworkId_FromMemberId_ToMemberId_Kind",
                table: "NetworkRelationships",
                columns: new[] { "NetworkId", "FromMemberId", "ToMemberId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRelationships_NetworkId_ToMemberId",
                table: "NetworkRelationships",
                columns: new[] { "NetworkId", "ToMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkId_OrganisationId",
                table: "NetworkMembers",
                columns: new[] { "NetworkId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkId_PlaceId",
                table: "NetworkMembers",
                columns: new[] { "NetworkId", "PlaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkId_ServiceId",
                table: "NetworkMembers",
                columns: new[] { "NetworkId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRequests_NetworkId_OrganisationId_PlaceId_Service~",
                table: "MembershipRequests",
                columns: new[] { "NetworkId", "OrganisationId", "PlaceId", "ServiceId" },
                unique: true,
                filter: "\"Status\" = 'Pending'")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRequests_OrganisationId",
                table: "MembershipRequests",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRequests_PlaceId",
                table: "MembershipRequests",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRequests_ProposedByOrganisationId",
                table: "MembershipRequests",
                column: "ProposedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipRequests_ServiceId",
                table: "MembershipRequests",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkCoordinators_UserId",
                table: "NetworkCoordinators",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_NetworkId_FromMemberId",
                table: "NetworkRelationships",
                columns: new[] { "NetworkId", "FromMemberId" },
                principalTable: "NetworkMembers",
                principalColumns: new[] { "NetworkId", "Id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_NetworkId_ToMemberId",
                table: "NetworkRelationships",
                columns: new[] { "NetworkId", "ToMemberId" },
                principalTable: "NetworkMembers",
                principalColumns: new[] { "NetworkId", "Id" },
                onDelete: ReferentialAction.Cascade);

            // The same kind of relationship once per pair, whichever way round it was entered.
            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_NetworkRelationships_pair_either_way" ON "NetworkRelationships"
                    ("NetworkId", LEAST("FromMemberId", "ToMemberId"), GREATEST("FromMemberId", "ToMemberId"), "Kind");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_NetworkRelationships_pair_either_way";""");

            migrationBuilder.DropForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_NetworkId_FromMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_NetworkId_ToMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropTable(
                name: "MembershipRequests");

            migrationBuilder.DropTable(
                name: "NetworkCoordinators");

            migrationBuilder.DropIndex(
                name: "IX_NetworkRelationships_NetworkId_FromMemberId_ToMemberId_Kind",
                table: "NetworkRelationships");

            migrationBuilder.DropIndex(
                name: "IX_NetworkRelationships_NetworkId_ToMemberId",
                table: "NetworkRelationships");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_NetworkMembers_NetworkId_Id",
                table: "NetworkMembers");

            migrationBuilder.DropIndex(
                name: "IX_NetworkMembers_NetworkId_OrganisationId",
                table: "NetworkMembers");

            migrationBuilder.DropIndex(
                name: "IX_NetworkMembers_NetworkId_PlaceId",
                table: "NetworkMembers");

            migrationBuilder.DropIndex(
                name: "IX_NetworkMembers_NetworkId_ServiceId",
                table: "NetworkMembers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "NetworkMembers");

            migrationBuilder.AlterColumn<string>(
                name: "Purpose",
                table: "ValueNetworks",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "NetworkRelationships",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRelationships_FromMemberId",
                table: "NetworkRelationships",
                column: "FromMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRelationships_NetworkId",
                table: "NetworkRelationships",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRelationships_ToMemberId",
                table: "NetworkRelationships",
                column: "ToMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkId",
                table: "NetworkMembers",
                column: "NetworkId");

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_FromMemberId",
                table: "NetworkRelationships",
                column: "FromMemberId",
                principalTable: "NetworkMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_NetworkRelationships_NetworkMembers_ToMemberId",
                table: "NetworkRelationships",
                column: "ToMemberId",
                principalTable: "NetworkMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
