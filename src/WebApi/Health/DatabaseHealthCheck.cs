using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace VoiceNote.WebApi.Health;

/// <summary>
/// Ready only when PostgreSQL answers, within a few seconds, and has the vector extension the search needs.
/// A server that does not answer (restarting, unreachable) is reported without waiting for the driver's
/// own connection timeout, so a probe never hangs.
/// </summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    internal static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        within.CancelAfter(AnswerWithin);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            var version = await command.ExecuteScalarAsync(within.Token);
            return version is string v
                ? HealthCheckResult.Healthy($"PostgreSQL answers; vector {v}")
                : HealthCheckResult.Unhealthy("PostgreSQL answers but the vector extension is not installed in this database.");
        }
        catch (OperationCanceledException) when (within.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {AnswerWithin.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
        }
    }
}
