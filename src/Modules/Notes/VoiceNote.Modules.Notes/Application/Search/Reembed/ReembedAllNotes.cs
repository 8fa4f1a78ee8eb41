using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Search.EmbedNote;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Search.Reembed;

/// <summary>Where a re-embedding run is: notes to do when it started, done so far, and how many failed.</summary>
internal sealed record ReembedProgress(string Model, int Total, int Done, int Embedded, int Failed);

/// <summary>
/// Re-embeds every note whose passages are not from its current text by the current model, after a model
/// change (docs/decisions/0072). Resumable by construction: notes already current are not even selected,
/// so a run stopped half-way continues where it stopped. Throttled: batches of
/// <see cref="NotesSearchOptions.ReembedBatchSize"/> notes with <see cref="NotesSearchOptions.ReembedPause"/>
/// between them, so the model and the database keep serving searches.
/// </summary>
internal sealed class ReembedAllNotes(NotesDbContext db, NoteEmbedder embedder, IOptions<NotesSearchOptions> options)
{
    public async Task<ReembedProgress> RunAsync(Func<ReembedProgress, Task> report, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var model = embedder.Model;
        var total = await Stale(model).CountAsync(cancellationToken);
        var progress = new ReembedProgress(model, total, 0, 0, 0);
        await report(progress);
        var after = Guid.Empty;
        while (true)
        {
            // Keyset over ids, so notes that fail or whose text is empty are not picked again in this run.
            var batch = await Stale(model).Where(n => n.Id.CompareTo(after) > 0).OrderBy(n => n.Id)
                .Select(n => n.Id).Take(Math.Max(1, settings.ReembedBatchSize)).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return progress;
            }

            foreach (var id in batch)
            {
                var failed = false;
                var embedded = false;
                try
                {
                    embedded = await embedder.EmbedAsync(id, cancellationToken) == EmbedOutcome.Embedded;
                }
                catch (EmbeddingUnavailableException)
                {
                    failed = true;
                }

                progress = progress with
                {
                    Done = progress.Done + 1,
                    Embedded = progress.Embedded + (embedded ? 1 : 0),
                    Failed = progress.Failed + (failed ? 1 : 0),
                };
            }

            after = batch[^1];
            await report(progress);
            await Task.Delay(settings.ReembedPause, cancellationToken);
        }
    }

    /// <summary>Notes not embedded from their current text, or embedded by another model (a note without text has no model).</summary>
    private IQueryable<Domain.Note> Stale(string model) =>
        db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Where(n => n.EmbeddedTextHash != n.ContentHash || (n.EmbeddingModel != null && n.EmbeddingModel != model));
}
