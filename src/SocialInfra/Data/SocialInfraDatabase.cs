using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SocialInfra.Data;

/// <summary>The one place that says how the app, tests and tools connect to PostGIS.</summary>
public static class SocialInfraDatabase
{
    public const string ConnectionStringName = "SocialInfra";

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(WithoutJit(connectionString));
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithoutJit(connectionString), Npgsql);

    /// <summary>
    /// Turns PostgreSQL's JIT compiler off for our sessions unless the connection string already sets jit. PostGIS
    /// functions are costed so high that whole-borough queries cross the JIT threshold, and compiling then takes longer
    /// than the query: the map's whole-borough cluster request over 46,000 places took 592 ms (median) with JIT and 103 ms without.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        }
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql);

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.UseNetTopologySuite().ExecutionStrategy(dependencies => new SocialInfraExecutionStrategy(dependencies));

    /// <summary>
    /// PostgreSQL refused text it cannot store: a NUL character (U+0000), which no PostgreSQL text column can hold
    /// (SQLSTATE 22021, or 22P05 for a character the database's encoding lacks).
    /// </summary>
    public static bool IsUnstorableText(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres.SqlState is "22021" or "22P05";
            }
        }
        return false;
    }

    /// <summary>
    /// The database could not be reached or went away: refused or lost connections, PostgreSQL shutting down or starting
    /// up, too many connections, or no connection free in the pool. Not a query's own failure (a constraint, a deadlock,
    /// a serialization failure), which is not an outage.
    /// </summary>
    public static bool IsConnectionFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
            }
        }
        return false;
    }
}
