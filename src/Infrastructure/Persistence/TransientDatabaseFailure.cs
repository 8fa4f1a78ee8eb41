using System.Net.Sockets;
using Npgsql;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// Tells a database that is away for now (restarting, unreachable, out of connections) from a fault in
/// the request or the code: the first is a 503 with Retry-After for a client and a retry for a worker
/// (docs/decisions/0064), the second stays a 500. Reads the whole chain of causes, because EF Core wraps
/// the driver's exception (DbUpdateException, RetryLimitExceededException when a retrying strategy gave up, and the InvalidOperationException
/// its non-retrying strategy throws for a transient error).
/// </summary>
public static class TransientDatabaseFailure
{
    /// <summary>What a client is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="exception"/> or one of its causes says the database cannot be reached now.</summary>
    public static bool IsTransient(Exception? exception) => AnyCause(exception, IsTransientItself);

    /// <summary>
    /// Whether the transaction lost to a concurrent one: a deadlock (40P01) or a serialization failure
    /// (40001). The database rolled it back whole, so the same request again is safe: a 503 with a short
    /// Retry-After for a client, a retry for a worker, never a 500.
    /// </summary>
    public static bool IsConcurrencyConflict(Exception? exception) =>
        AnyCause(exception, e => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure });

    private static bool AnyCause(Exception? exception, Func<Exception, bool> test)
    {
        var seen = 0;
        var pending = new Stack<Exception>();
        if (exception is not null)
        {
            pending.Push(exception);
        }

        // Bounded: a cause chain is short, and a cycle must not loop.
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            if (test(current))
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }

    /// <summary>
    /// Connection-class SQLSTATEs: 08xxx (connection exception), 57P01–57P03 (admin shutdown, crash
    /// shutdown, cannot connect now: a restart), 53300 (too many connections).
    /// </summary>
    public static bool IsConnectionState(string? sqlState) =>
        sqlState is not null && (sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300");

    private static bool IsTransientItself(Exception exception) => exception switch
    {
        PostgresException postgres => IsConnectionState(postgres.SqlState),

        // The driver's own failures: no connection could be opened, it broke mid-command (the server
        // restarted, the network dropped), the command or the pool timed out (pool exhaustion says
        // so with a TimeoutException inside).
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is TimeoutException or IOException or SocketException or EndOfStreamException,

        // A bare timeout or socket error that no driver exception wraps is not the database's (an HTTP
        // call's, say). EF's RetryLimitExceededException and the like are decided by their cause, walked next.
        _ => false,
    };
}
