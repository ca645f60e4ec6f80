using SocialInfra.Data;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>A database of its own for one test class, cloned from the demo borough template.</summary>
public class DemoDatabase : IAsyncLifetime
{
    private PostGisServer _server = null!;

    public string ConnectionString { get; private set; } = "";

    protected virtual string Template => PostGisServer.DemoTemplate;

    public SocialInfraDbContext CreateContext(string actor = "test") => PostGisServer.CreateContext(ConnectionString, actor);

    public virtual async Task InitializeAsync()
    {
        _server = await PostGisServer.InstanceAsync();
        ConnectionString = await _server.CreateDatabaseAsync(Template);
    }

    public virtual async Task DisposeAsync() => await _server.DropDatabaseAsync(ConnectionString);
}

/// <summary>A migrated database with no borough loaded.</summary>
public class EmptyDatabase : DemoDatabase
{
    protected override string Template => PostGisServer.EmptyTemplate;
}
