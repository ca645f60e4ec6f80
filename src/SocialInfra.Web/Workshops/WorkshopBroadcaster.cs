using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using SocialInfra.Workshops;

namespace SocialInfra.Web.Workshops;

/// <summary>
/// The backplane: LISTENs on PostgreSQL's workshop channel and passes each event to this instance's browsers in the
/// workshop. Every instance of the app does the same, so a change made through one reaches rooms connected to any.
/// After a lost connection it tells every browser to fetch the room afresh, as events may have been missed.
/// </summary>
public sealed class WorkshopBroadcaster(NpgsqlDataSource dataSource, IHubContext<WorkshopHub> hub, ILogger<WorkshopBroadcaster> logger) : IHostedService, IAsyncDisposable
{
    private readonly Channel<(Guid Session, string Message)> _outbox = Channel.CreateUnbounded<(Guid, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _connection;
    private Task? _listening;
    private Task? _sending;
    private int _shutDown;

    /// <summary>Whether the LISTEN connection is up; the health check reports "Degraded" while it is not.</summary>
    public bool Listening => Volatile.Read(ref _connection) is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Listening before the app takes requests, so nothing committed after start-up goes unheard.
        try
        {
            await ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not listen for workshop events yet; trying again");
        }
        _listening = Task.Run(() => ListenAsync(_stopping.Token));
        _sending = Task.Run(() => SendAsync(_stopping.Token));
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            connection.Notification += (_, e) =>
            {
                if (WorkshopEvents.TryRead(e.Payload, out var session, out var message))
                {
                    _outbox.Writer.TryWrite((session, message));
                }
            };
            await using var listen = new NpgsqlCommand($"LISTEN {WorkshopEvents.Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (_connection is null)
                {
                    await ConnectAsync(stopping);
                    await hub.Clients.All.SendAsync("event", """{"type":"resync"}""", stopping);
                }
                // A quiet minute ends the wait, and a trivial query then proves the connection is still there.
                if (!await _connection!.WaitAsync(TimeSpan.FromSeconds(60), stopping))
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                    await ping.ExecuteScalarAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the workshop events connection; reconnecting");
                await DropConnectionAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    // One at a time, in the order PostgreSQL delivered them (commit order).
    private async Task SendAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var (session, message) in _outbox.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await hub.Clients.Group(WorkshopHub.Group(session)).SendAsync("event", message, stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not pass on a workshop event");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => ShutDownAsync(cancellationToken);

    // The host may stop it, dispose it, or (when a test host is torn down) dispose it before stopping it: once is enough.
    public async ValueTask DisposeAsync() => await ShutDownAsync(CancellationToken.None);

    private async Task ShutDownAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _shutDown, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync();
        _outbox.Writer.TryComplete();
        foreach (var task in new[] { _listening, _sending })
        {
            if (task is not null)
            {
                await task.WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
        await DropConnectionAsync();
        _stopping.Dispose();
    }
}
