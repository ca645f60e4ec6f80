using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialInfra.Auditing;
using SocialInfra.Data;
using SocialInfra.Imports;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>
/// One throwaway PostGIS cluster per test run, with two migrated template databases (empty and demo borough)
/// that each test class clones. Set SOCIALINFRA_TEST_SERVER to a server connection string to use your own.
/// </summary>
public sealed class PostGisServer
{
    // Named per test process: both test assemblies may share one server (SOCIALINFRA_TEST_SERVER) at once.
    public static readonly string EmptyTemplate = $"socialinfra_template_empty_{Environment.ProcessId}";
    public static readonly string DemoTemplate = $"socialinfra_template_demo_{Environment.ProcessId}";

    private static readonly Lazy<Task<PostGisServer>> Shared = new(StartAsync);
    private static int _databases;
    // PostgreSQL refuses to copy a template while another session uses it, including another copy in progress.
    private static readonly SemaphoreSlim CopyingTemplate = new(1, 1);

    private readonly string _serverConnectionString;

    private PostGisServer(string serverConnectionString) => _serverConnectionString = serverConnectionString;

    public static Task<PostGisServer> InstanceAsync() => Shared.Value;

    /// <summary>Creates a new database cloned from a template; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string template)
    {
        var name = $"socialinfra_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await CopyingTemplate.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        }
        finally
        {
            CopyingTemplate.Release();
        }
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostGisServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("SOCIALINFRA_TEST_SERVER");
        var server = new PostGisServer(external ?? await StartLocalClusterAsync());
        await server.PrepareTemplatesAsync();
        if (external is not null)
        {
            // A local cluster is thrown away whole; on someone else's server, remove what this run made.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var template in new[] { EmptyTemplate, DemoTemplate })
                {
                    server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)").GetAwaiter().GetResult();
                }
            };
        }
        return server;
    }

    private async Task PrepareTemplatesAsync()
    {
        foreach (var template in new[] { EmptyTemplate, DemoTemplate })
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{template}\"");
            // No pooling: an idle pooled connection to a template would stop PostgreSQL copying it.
            var unpooled = new NpgsqlConnectionStringBuilder(ConnectionStringFor(template)) { Pooling = false }.ConnectionString;
            await using var db = CreateContext(unpooled);
            await db.Database.MigrateAsync();
            if (template == DemoTemplate)
            {
                await DemoBorough.LoadAsync(db);
            }
        }
    }

    public static SocialInfraDbContext CreateContext(string connectionString, string actor = "test")
    {
        var options = new DbContextOptionsBuilder<SocialInfraDbContext>();
        SocialInfraDatabase.Configure(options, connectionString);
        return new SocialInfraDbContext(options.Options, new SystemActor(actor));
    }

    private static async Task<string> StartLocalClusterAsync()
    {
        var bin = Environment.GetEnvironmentVariable("PG_BIN") ?? "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL binaries not found in {bin}. Run the README's test command (scripts/test.sh), which installs PostGIS, or set PG_BIN.");
        }
        // scripts/test.sh gives a folder of its own and removes it afterwards; the postgres user must be able to reach it.
        var parent = Environment.GetEnvironmentVariable("SOCIALINFRA_TEST_TMP") ?? Path.GetTempPath();
        var dataDir = Path.Combine(parent, $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(dataDir);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres: {dataDir}");
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await RunPostgresAsync(asRoot, Path.Combine(bin, "initdb"),
            $"-D {dataDir} -U postgres -A trust -E UTF8 --no-locale --no-sync");
        await RunPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {dataDir} -l {dataDir}/log.txt -w -o \"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300\" start");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Stop by data folder, never by process name; then remove the throwaway cluster.
            RunPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {dataDir} -m immediate stop").GetAwaiter().GetResult();
            try { Directory.Delete(dataDir, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
    }

    private static Task RunPostgresAsync(bool asRoot, string program, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
