using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SocialInfra.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Before = table.Column<string>(type: "jsonb", nullable: true),
                    After = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OsmTags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CatchmentMetres = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "LocalAuthorities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalAuthorities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CharityNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CompanyNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ValueNetworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: true),
                    Values = table.Column<string[]>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueNetworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Wards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BoundaryYear = table.Column<int>(type: "integer", nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", nullable: false),
                    Boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    ImdScore = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Wards_LocalAuthorities_LocalAuthorityCode",
                        column: x => x.LocalAuthorityCode,
                        principalTable: "LocalAuthorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    CategorySlug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Ownership = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Permanence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Activity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Presence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Location = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    Footprint = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    AccessibilityFeatures = table.Column<List<string>>(type: "text[]", nullable: false),
                    OpeningHours = table.Column<string>(type: "text", nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    LocationGeography = table.Column<Point>(type: "geography(Point,4326)", nullable: true, computedColumnSql: "\"Location\"::geography", stored: true),
                    Provenance_Licence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Provenance_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provenance_RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Provenance_Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Provenance_SourceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Places", x => x.Id);
                    table.CheckConstraint("CK_Place_capacity_not_negative", "\"Capacity\" IS NULL OR \"Capacity\" >= 0");
                    table.CheckConstraint("CK_Place_ends_after_start", "\"EndsOn\" IS NULL OR \"StartsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
                    table.CheckConstraint("CK_Place_location_matches_presence", "(\"Presence\" = 'Physical') = (\"Location\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Places_Categories_CategorySlug",
                        column: x => x.CategorySlug,
                        principalTable: "Categories",
                        principalColumn: "Slug",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Places_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    WhoFor = table.Column<string>(type: "text", nullable: true),
                    Eligibility = table.Column<string>(type: "text", nullable: true),
                    Cost = table.Column<string>(type: "text", nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PreventionLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CommissionedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Provenance_Licence = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Provenance_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Provenance_RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Provenance_Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Provenance_SourceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Services_Organisations_CommissionedById",
                        column: x => x.CommissionedById,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Services_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Lsoas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Vintage = table.Column<int>(type: "integer", nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    ReferencePoint = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: true),
                    ImdScore = table.Column<double>(type: "double precision", nullable: true),
                    ImdRank = table.Column<int>(type: "integer", nullable: true),
                    ImdDecile = table.Column<int>(type: "integer", nullable: true),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    ReferencePointGeography = table.Column<Point>(type: "geography(Point,4326)", nullable: true, computedColumnSql: "\"ReferencePoint\"::geography", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lsoas", x => x.Id);
                    table.CheckConstraint("CK_Lsoa_population_not_negative", "\"Population\" IS NULL OR \"Population\" >= 0");
                    table.ForeignKey(
                        name: "FK_Lsoas_LocalAuthorities_LocalAuthorityCode",
                        column: x => x.LocalAuthorityCode,
                        principalTable: "LocalAuthorities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Lsoas_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ActivityPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Activity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPeriods", x => x.Id);
                    table.CheckConstraint("CK_ActivityPeriod_ends_after_start", "\"EndsOn\" IS NULL OR \"StartsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_ActivityPeriods_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceWardServed",
                columns: table => new
                {
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceWardServed", x => new { x.PlaceId, x.WardId });
                    table.ForeignKey(
                        name: "FK_PlaceWardServed_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlaceWardServed_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMembers", x => x.Id);
                    table.CheckConstraint("CK_NetworkMember_exactly_one_member", "num_nonnulls(\"OrganisationId\", \"PlaceId\", \"ServiceId\") = 1");
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_ValueNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "ValueNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServicePlace",
                columns: table => new
                {
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicePlace", x => new { x.PlaceId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_ServicePlace_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServicePlace_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceWard",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceWard", x => new { x.ServiceId, x.WardId });
                    table.ForeignKey(
                        name: "FK_ServiceWard_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceWard_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkRelationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkRelationships", x => x.Id);
                    table.CheckConstraint("CK_NetworkRelationship_two_members", "\"FromMemberId\" <> \"ToMemberId\"");
                    table.ForeignKey(
                        name: "FK_NetworkRelationships_NetworkMembers_FromMemberId",
                        column: x => x.FromMemberId,
                        principalTable: "NetworkMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkRelationships_NetworkMembers_ToMemberId",
                        column: x => x.ToMemberId,
                        principalTable: "NetworkMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkRelationships_ValueNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "ValueNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Categories",
                columns: new[] { "Slug", "CatchmentMetres", "Name", "OsmTags" },
                values: new object[,]
                {
                    { "arts", 1600, "Arts and culture", "amenity=arts_centre;amenity=theatre" },
                    { "cafe-pub", 800, "Café or pub", "amenity=cafe;amenity=pub" },
                    { "community-centre", 800, "Community centre", "amenity=community_centre" },
                    { "digital-space", 0, "Digital space", "" },
                    { "education", 800, "School or education", "amenity=school;amenity=college" },
                    { "garden-allotment", 800, "Garden or allotment", "leisure=garden;landuse=allotments" },
                    { "health", 1200, "Health and wellbeing", "amenity=doctors;amenity=clinic;healthcare=centre" },
                    { "library", 1600, "Library", "amenity=library" },
                    { "market", 1600, "Market", "amenity=marketplace" },
                    { "park", 800, "Park or open space", "leisure=park;leisure=common" },
                    { "place-of-worship", 1200, "Place of worship", "amenity=place_of_worship" },
                    { "playground", 400, "Playground", "leisure=playground" },
                    { "social-care", 1200, "Social care and support", "amenity=social_facility" },
                    { "sports", 1200, "Sports and leisure", "leisure=sports_centre;leisure=pitch;leisure=fitness_centre" },
                    { "youth", 800, "Youth space", "amenity=youth_centre;social_facility:for=juvenile" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPeriods_PlaceId_StartsOn",
                table: "ActivityPeriods",
                columns: new[] { "PlaceId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityPeriods_one_open_per_place",
                table: "ActivityPeriods",
                column: "PlaceId",
                unique: true,
                filter: "\"EndsOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_LocalAuthorities_Boundary",
                table: "LocalAuthorities",
                column: "Boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_Boundary",
                table: "Lsoas",
                column: "Boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_Code_Vintage",
                table: "Lsoas",
                columns: new[] { "Code", "Vintage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_LocalAuthorityCode",
                table: "Lsoas",
                column: "LocalAuthorityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_ReferencePoint",
                table: "Lsoas",
                column: "ReferencePoint")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_ReferencePointGeography",
                table: "Lsoas",
                column: "ReferencePointGeography")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Lsoas_WardId",
                table: "Lsoas",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkId",
                table: "NetworkMembers",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_OrganisationId",
                table: "NetworkMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_PlaceId",
                table: "NetworkMembers",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_ServiceId",
                table: "NetworkMembers",
                column: "ServiceId");

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
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaceWardServed_WardId",
                table: "PlaceWardServed",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_Places_CategorySlug",
                table: "Places",
                column: "CategorySlug");

            migrationBuilder.CreateIndex(
                name: "IX_Places_Footprint",
                table: "Places",
                column: "Footprint")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Places_Location",
                table: "Places",
                column: "Location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Places_LocationGeography",
                table: "Places",
                column: "LocationGeography")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Places_Name",
                table: "Places",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Places_OwnerOrganisationId",
                table: "Places",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServicePlace_ServiceId",
                table: "ServicePlace",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceWard_WardId",
                table: "ServiceWard",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_Services_CommissionedById",
                table: "Services",
                column: "CommissionedById");

            migrationBuilder.CreateIndex(
                name: "IX_Services_OrganisationId",
                table: "Services",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Wards_Boundary",
                table: "Wards",
                column: "Boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_Wards_Code_BoundaryYear",
                table: "Wards",
                columns: new[] { "Code", "BoundaryYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Wards_LocalAuthorityCode",
                table: "Wards",
                column: "LocalAuthorityCode");

            // Imports match places and services on their source and source id; never let one record arrive twice.
            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_Places_Provenance_Source_SourceId" ON "Places" ("Provenance_Source", "Provenance_SourceId")
                WHERE "Provenance_SourceId" IS NOT NULL;
                CREATE UNIQUE INDEX "IX_Services_Provenance_Source_SourceId" ON "Services" ("Provenance_Source", "Provenance_SourceId")
                WHERE "Provenance_SourceId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Places_Provenance_Source_SourceId";
                DROP INDEX IF EXISTS "IX_Services_Provenance_Source_SourceId";
                """);

            migrationBuilder.DropTable(
                name: "ActivityPeriods");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Lsoas");

            migrationBuilder.DropTable(
                name: "NetworkRelationships");

            migrationBuilder.DropTable(
                name: "PlaceWardServed");

            migrationBuilder.DropTable(
                name: "ServicePlace");

            migrationBuilder.DropTable(
                name: "ServiceWard");

            migrationBuilder.DropTable(
                name: "NetworkMembers");

            migrationBuilder.DropTable(
                name: "Wards");

            migrationBuilder.DropTable(
                name: "Places");

            migrationBuilder.DropTable(
                name: "Services");

            migrationBuilder.DropTable(
                name: "ValueNetworks");

            migrationBuilder.DropTable(
                name: "LocalAuthorities");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
