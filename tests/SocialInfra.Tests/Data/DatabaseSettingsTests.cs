using SocialInfra.Data;
using SocialInfra.Tests.Infrastructure;

namespace SocialInfra.Tests.Data;

public class DatabaseSettingsTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    [Fact]
    public async Task The_apps_sessions_run_without_jit()
    {
        await using var source = SocialInfraDatabase.CreateDataSource(database.ConnectionString);
        await using var command = source.CreateCommand("SHOW jit");
        (await command.ExecuteScalarAsync()).Should().Be("off");
    }

    [Theory]
    [InlineData("Host=db", "-c jit=off")]
    [InlineData("Host=db;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [InlineData("Host=db;Options=-c jit=on", "-c jit=on")]
    public void An_explicit_jit_setting_wins(string connectionString, string options) =>
        new Npgsql.NpgsqlConnectionStringBuilder(SocialInfraDatabase.WithoutJit(connectionString)).Options.Should().Be(options);
}
