using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialInfra.Data.Migrations
{
    /// <inheritdoc />
    public partial class GapAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "CatchmentSettings",
                columns: table => new
                {
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    CategorySlug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CatchmentMetres = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatchmentSettings", x => new { x.LocalAuthorityCode, x.CategorySlug });
                    table.CheckConstraint("CK_CatchmentSetting_metres", "\"CatchmentMetres\" BETWEEN 50 AND 10000");
                    table.CheckConstraint("CK_CatchmentSetting_weight", "\"Weight\" >= 0 AND \"Weight\" <= 10");
                    table.ForeignKey(
                        name: "FK_CatchmentSettings_Categories_CategorySlug",
                        column: x => x.CategorySlug,
                        principalTable: "Categories",
                        principalColumn: "Slug",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CatchmentSettings_LocalAuthorities_LocalAuthorityCode",
                        column: x => x.LocalAuthorityCode,
                        principalTable: "LocalAuthorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Places_Category_LocationGeography",
                table: "Places",
                columns: new[] { "CategorySlug", "LocationGeography" })
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_CatchmentSettings_CategorySlug",
                table: "CatchmentSettings",
                column: "CategorySlug");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatchmentSettings");

            migrationBuilder.DropIndex(
                name: "IX_Places_Category_LocationGeography",
                table: "Places");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");
        }
    }
}
