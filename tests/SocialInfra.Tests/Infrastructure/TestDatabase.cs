using Microsoft.EntityFrameworkCore;
using SocialInfra.Data;
using SocialInfra.Places;

namespace SocialInfra.Tests.Infrastructure;

/// <summary>A database of its own for one test class, cloned from the demo borough template.</summary>
public class DemoDatabase : IAsyncLifetime
{
    private PostGisServer _server = null!;

    public string ConnectionString { get; private set; } = "";

    protected virtual string Template => PostGisServer.DemoTemplate;

    public SocialInfraDbContext CreateContext(string actor = "test") => PostGisServer.CreateContext(ConnectionString, actor);

    /// <summary>The id of the one place with this name.</summary>
    public async Task<Guid> PlaceIdAsync(string name)
    {
        await using var db = CreateContext();
        return await db.Places.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Saves a place and returns its id.</summary>
    public async Task<Guid> AddAsync(Place place)
    {
        await using var db = CreateContext();
        db.Places.Add(place);
        await db.SaveChangesAsync();
        return place.Id;
    }

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
