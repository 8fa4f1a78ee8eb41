using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace VoiceNote.WebApi.Health;

/// <summary>Ready only when PostgreSQL answers and has the vector extension the search needs.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            var version = await command.ExecuteScalarAsync(cancellationToken);
            return version is string v
                ? HealthCheckResult.Healthy($"PostgreSQL answers; vector {v}")
                : HealthCheckResult.Unhealthy("PostgreSQL answers but the vector extension is not installed in this database.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
        }
    }
}
