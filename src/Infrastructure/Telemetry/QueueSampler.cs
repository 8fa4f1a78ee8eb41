using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Infrastructure.Telemetry;

/// <summary>Reads every queue's depth into <see cref="QueueGauges"/> while metrics are exported; idle otherwise.</summary>
internal sealed class QueueSampler(
    IEnumerable<IJobQueue> queues, QueueGauges gauges, IOptions<ObservabilityOptions> options, ILogger<QueueSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ExportsMetrics)
        {
            return;
        }

        var all = queues.ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var depths = new List<QueueDepth>(all.Count);
                foreach (var queue in all)
                {
                    depths.Add(await queue.MeasureAsync(stoppingToken));
                }

                gauges.Update(depths);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauges keep their last values; readiness reports the database itself.
                logger.LogWarning("Reading the queue depths failed: {Error}", exception.GetBaseException().Message);
            }

            try
            {
                await Task.Delay(settings.QueueSampleInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
