using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace SocialInfra.Data;

/// <summary>
/// Connection resiliency. A query or a save that fails for a transient reason (PostgreSQL restarting, a connection
/// it closed, too many connections) is tried again on a fresh connection, up to three more times within about two
/// seconds, so a restart mid-request goes unnoticed. Work inside an explicit transaction is not retried here: it fails
/// at once and cleanly (the transaction rolls back, the visitor sees "try again" and a phone's outbox resends), because
/// replaying only part of a transaction would be wrong and replaying all of it is the caller's business.
/// </summary>
public sealed class SocialInfraExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 3;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    // Inside an explicit transaction: run once, without the base class's refusal.
    protected override void OnFirstExecution()
    {
        if (InTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }
        base.OnFirstExecution();
    }

    // A command that ran out of time is not tried again: it would only take as long again.
    protected override bool ShouldRetryOn(Exception? exception) =>
        !InTransaction && exception is not NpgsqlException { InnerException: TimeoutException } && base.ShouldRetryOn(exception);
}
