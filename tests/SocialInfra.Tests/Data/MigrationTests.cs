using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Data;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_build_the_schema_on_an_empty_database()
    {
        var server = await PostGisServer.InstanceAsync();
        var connectionString = await server.CreateDatabaseAsync("template0");
        try
        {
            await using var db = PostGisServer.CreateContext(connectionString);
            (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty();

            await db.Database.MigrateAsync();

            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await db.Categories.CountAsync()).Should().Be(15, "the taxonomy is seeded by the migration");
            (await db.Places.CountAsync()).Should().Be(0);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        var server = await PostGisServer.InstanceAsync();
        await using var db = PostGisServer.CreateContext(server.ConnectionStringFor(PostGisServer.EmptyTemplate));
        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a migration: dotnet ef migrations add");
    }

    [Theory]
    [InlineData("Places", "Location")]
    [InlineData("Places", "LocationGeography")]
    [InlineData("Wards", "Boundary")]
    [InlineData("Lsoas", "Boundary")]
    [InlineData("Lsoas", "ReferencePoint")]
    [InlineData("LocalAuthorities", "Boundary")]
    public async Task Spatial_columns_have_gist_indexes(string table, string column)
    {
        var database = new EmptyDatabase();
        await database.InitializeAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_indexes WHERE tablename = @table AND indexdef LIKE '%USING gist (\"' || @column || '\")%'", connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("column", column);
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(1);
        await connection.CloseAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task The_database_refuses_a_physical_place_without_a_point()
    {
        var database = new EmptyDatabase();
        await database.InitializeAsync();
        try
        {
            await using var db = database.CreateContext();
            db.Places.Add(new SocialInfra.Places.Place { Name = "Nowhere hall", CategorySlug = "community-centre" });
            var save = () => db.SaveChangesAsync();
            (await save.Should().ThrowAsync<DbUpdateException>())
                .WithInnerException<PostgresException>().Which.ConstraintName.Should().Be("CK_Place_location_matches_presence");
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
