using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Notes.Application.Search.Reembed;

/// <summary>
/// Starts the re-embedding in the background when the API starts (after migrations), so notes left stale by a
/// model change or by the passages migration are embedded again without an operator; a no-op when all are current.
/// </summary>
internal sealed class ReembedOnStart(ReembedRunner runner, IOptions<NotesSearchOptions> options) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ReembedOnStart)
        {
            runner.Start();
        }

        return Task.CompletedTask;
    }
}
