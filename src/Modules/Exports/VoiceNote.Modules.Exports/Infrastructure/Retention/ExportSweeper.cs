using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Retention;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Retention.PruneExpiredExports;

namespace VoiceNote.Modules.Exports.Infrastructure.Retention;

/// <summary><c>exports.expired</c>: runs <see cref="PruneExpiredExports"/> for the retention scheduler (ADR 0084), in batches until none is left.</summary>
internal sealed class ExportSweeper(IServiceScopeFactory scopes, IOptionsMonitor<ExportsOptions> options) : IRetentionRule
{
    public string Name => "exports.expired";

    public string Description => "Finished exports: their files and rows.";

    public string ConfigurationKey => ExportsOptions.Section + ":" + nameof(ExportsOptions.Retention);

    public TimeSpan Period => options.CurrentValue.Retention;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int removed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PruneExpiredExports(), cancellationToken);
            removed = result.IsSuccess ? result.Value : 0;
            total += removed;
        }
        while (removed > 0);

        return total;
    }
}
