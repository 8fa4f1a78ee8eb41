using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Retention;
using VoiceNote.Modules.Cases.Application.Cases.PurgeExpiredCases;
using VoiceNote.Modules.Cases.Application.Common;

namespace VoiceNote.Modules.Cases.Infrastructure;

/// <summary>
/// <c>cases.trash</c>: purges the cases past their time in the trash, run by the retention scheduler (ADR 0084), each
/// run in batches until none is left.
/// </summary>
internal sealed class CaseTrashPurger(IServiceScopeFactory scopes, IOptionsMonitor<CasesOptions> options) : IRetentionRule
{
    public string Name => "cases.trash";

    public string Description => "Cases in the trash, with their participants, note links and uploaded recordings.";

    public string ConfigurationKey => CasesOptions.Section + ":" + nameof(CasesOptions.TrashRetentionDays);

    public TimeSpan Period => options.CurrentValue.TrashRetention;

    public Task<int> RunAsync(CancellationToken cancellationToken) => PurgeAsync(cancellationToken);

    /// <summary>One pass: every case past its retention; returns how many were purged.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int purged;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeExpiredCases(), cancellationToken);
            purged = result.IsSuccess ? result.Value : 0;
            total += purged;
        }
        while (purged == PurgeExpiredCases.DefaultBatch);

        return total;
    }
}
