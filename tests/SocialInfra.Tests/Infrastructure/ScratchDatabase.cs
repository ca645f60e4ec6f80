using System.Text;
using Npgsql;
using SocialInfra.Data;
using SocialInfra.Imports;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>A database of one test's own, cloned from a template and dropped afterwards, for tests that import into it.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly PostGisServer _server;

    private ScratchDatabase(PostGisServer server, string connectionString) => (_server, ConnectionString) = (server, connectionString);

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> EmptyAsync() => await CreateAsync(PostGisServer.EmptyTemplate);

    public static async Task<ScratchDatabase> DemoAsync() => await CreateAsync(PostGisServer.DemoTemplate);

    private static async Task<ScratchDatabase> CreateAsync(string template)
    {
        var server = await PostGisServer.InstanceAsync();
        return new ScratchDatabase(server, await server.CreateDatabaseAsync(template));
    }

    public SocialInfraDbContext CreateContext(string actor = "importer") => PostGisServer.CreateContext(ConnectionString, actor);

    public Task<ImportReport> ImportAsync(ImportKind kind, string content, string fileName = "test-file", string? authorityName = null, int? year = null) =>
        ImportAsync(kind, Encoding.UTF8.GetBytes(content), fileName, authorityName, year);

    public async Task<ImportReport> ImportAsync(ImportKind kind, byte[] content, string fileName = "test-file", string? authorityName = null, int? year = null)
    {
        await using var db = CreateContext();
        using var stream = new MemoryStream(content);
        var request = new ImportRequest(kind, "E09000002", fileName) { LocalAuthorityName = authorityName, Year = year };
        return (await OpenDataImport.RunAsync(db, request, stream)).Report;
    }

    /// <summary>
    /// Ends every client session on this database but the caller's own, as a PostgreSQL restart or an administrator
    /// would; returns how many it ended.
    /// </summary>
    public async Task<long> EndSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """, connection);
        return (long)(await terminate.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync() => await _server.DropDatabaseAsync(ConnectionString);
}
