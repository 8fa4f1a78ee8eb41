using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.WebApi.Health;

/// <summary>
/// Ready only while every job worker loop of this process runs and claims (docs/decisions/0064): a loop
/// that ended, whose claims keep failing, or that stopped trying with a slot free means uploads would
/// queue up unseen, so the instance must not say it is ready. Workers switched off here count as ready.
/// </summary>
internal sealed class JobWorkersHealthCheck(IEnumerable<IHostedService> hostedServices) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = hostedServices.OfType<IJobWorker>().Select(w => w.Status()).ToList();
        var description = statuses.Count == 0 ? "No job queues in this process." : string.Join(" ", statuses.Select(s => s.Describe()));
        return Task.FromResult(statuses.All(s => s.IsReady) ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}
