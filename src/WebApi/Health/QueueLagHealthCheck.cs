using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Telemetry;

namespace VoiceNote.WebApi.Health;

/// <summary>
/// Queue lag in readiness (docs/decisions/0089): Degraded once a job that may run has waited longer than
/// <see cref="ObservabilityOptions.QueueLagDegradedAfter"/> in any queue, Unhealthy past
/// <see cref="ObservabilityOptions.QueueLagUnhealthyAfter"/> when that is set. Degraded still answers 200: taking an
/// instance out of rotation does not drain a queue, but the probe's body and the monitoring show it.
/// </summary>
internal sealed class QueueLagHealthCheck(IEnumerable<IJobQueue> queues, IOptions<ObservabilityOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var depths = new List<QueueDepth>();
        foreach (var queue in queues)
        {
            depths.Add(await queue.MeasureAsync(cancellationToken));
        }

        var data = depths.ToDictionary(d => d.Queue, d => (object)new { pending = d.Pending, processing = d.Processing, lagSeconds = Math.Round(d.Lag.TotalSeconds) });
        var worst = depths.OrderByDescending(d => d.Lag).FirstOrDefault();
        if (worst is null || worst.Lag <= settings.QueueLagDegradedAfter)
        {
            return HealthCheckResult.Healthy(Describe(depths), data);
        }

        var lagging = string.Create(
            CultureInfo.InvariantCulture,
            $"Queue {worst.Queue}: a runnable job has waited {worst.Lag.TotalSeconds:0} s (more than {settings.QueueLagDegradedAfter.TotalSeconds:0} s). {Describe(depths)}");
        return settings.QueueLagUnhealthyAfter is { } unhealthy && worst.Lag > unhealthy
            ? HealthCheckResult.Unhealthy(lagging, data: data)
            : HealthCheckResult.Degraded(lagging, data: data);
    }

    private static string Describe(IEnumerable<QueueDepth> depths) =>
        string.Join(' ', depths.Select(d => string.Create(
            CultureInfo.InvariantCulture, $"{d.Queue}: {d.Pending} pending, {d.Processing} processing, lag {d.Lag.TotalSeconds:0} s.")));
}
