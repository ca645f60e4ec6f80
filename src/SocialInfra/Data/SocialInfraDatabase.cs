using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SocialInfra.Data;

/// <summary>The one place that says how the app, tests and tools connect to PostGIS.</summary>
public static class SocialInfraDatabase
{
    public const string ConnectionStringName = "SocialInfra";

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite());

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite());
}
