using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Retention;

namespace VoiceNote.Modules.Operations.Infrastructure.Retention;

/// <summary>
/// The one retention timer (ADR 0084): every <c>Retention:Interval</c> each registered rule runs once, in every
/// process that has <c>Retention:Enabled</c>; a rule another process is running is skipped this time.
/// </summary>
internal sealed class RetentionScheduler(
    IEnumerable<IRetentionRule> rules, RetentionRunner runner, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            foreach (var rule in rules)
            {
                try
                {
                    await runner.RunAsync(rule, wait: false, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The run could not even be recorded (the database is away): the next interval tries again.
                    logger.LogWarning(exception, "Running the retention rule {Rule} failed", rule.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
