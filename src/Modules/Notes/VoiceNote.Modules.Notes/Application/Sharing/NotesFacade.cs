using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Search;
using VoiceNote.Modules.Notes.Application.Search.SearchNotes;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.Modules.Notes.Application.Sharing;

/// <summary>
/// The module's published door to notes that are not the caller's own (docs/decisions/0080). Writes go through the
/// module's own use cases (its transaction, its outbox: the note is re-embedded and re-analysed as after any edit);
/// the search is the user's search, restricted to the notes given instead of to one owner.
/// </summary>
internal sealed class NotesFacade(
    NotesDbContext db,
    ISender sender,
    RepresentationTags tags,
    NoteSearchStore store,
    NotePassageStore passages,
    IEmbeddingGenerator generator,
    QueryEmbeddings queryEmbeddings,
    IOptions<NotesSearchOptions> options) : INotesModule
{
    public async Task<IReadOnlyList<SharedNote>> GetNotesAsync(IReadOnlyCollection<Guid> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return [];
        }

        var notes = await db.Notes.WithSpecification(new SharedNotesByIds(noteIds.Distinct().ToList())).ToListAsync(cancellationToken);
        return notes.Select(n => n.ToShared(tags)).ToList();
    }

    public Task<Result<SharedNote>> CreateNoteAsync(UserId owner, NoteContent content, CancellationToken cancellationToken) =>
        sender.Send(new CreateNoteForOwner.CreateNoteForOwner(owner, content), cancellationToken);

    public Task<Result<SharedNote>> EditNoteAsync(Guid noteId, NoteContent changes, string? ifMatch, CancellationToken cancellationToken) =>
        sender.Send(new EditSharedNote.EditSharedNote(noteId, changes, ifMatch), cancellationToken);

    public async Task<Result<NoteSearchResults>> SearchWithinAsync(NoteSearchWithin request, CancellationToken cancellationToken)
    {
        var ids = request.NoteIds.ToHashSet();
        if (request.AudioIds.Count > 0)
        {
            // A recording's transcript is the note made from it (keyed by its audio id), whoever uploaded it.
            var audioIds = request.AudioIds.Distinct().ToList();
            ids.UnionWith(await db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
                .Where(n => n.AudioId != null && audioIds.Contains(n.AudioId.Value)).Select(n => n.Id).ToListAsync(cancellationToken));
        }

        var mode = request.Mode switch
        {
            NoteSearchMode.Text => SearchMode.Text,
            NoteSearchMode.Semantic => SearchMode.Semantic,
            _ => SearchMode.Hybrid,
        };
        var found = await NoteSearch.RunAsync(
            new NoteSearch.Request(Owner: null, request.Query.Trim(), mode, request.Limit, IncludeDeleted: false, Within: ids),
            store, passages, generator, (q, ct) => queryEmbeddings.GetAsync(generator, request.SearchedBy, q, ct), options.Value, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error;
        }

        var hitIds = found.Value.Items.Select(i => i.Id).ToList();
        var recordings = await db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).Where(n => hitIds.Contains(n.Id))
            .Select(n => new { n.Id, n.AudioId }).ToDictionaryAsync(n => n.Id, n => n.AudioId, cancellationToken);
        var items = found.Value.Items.Select(i => new NoteSearchHit(
            i.Id, i.OwnerId, recordings.GetValueOrDefault(i.Id), i.Title, i.Snippet, i.Score, i.TextRank, i.SemanticRank, i.Similarity, i.RecordedAt,
            i.Passage is { } p ? new NoteSearchPassage(p.Text, p.StartMs, p.EndMs) : null)).ToList();
        return new NoteSearchResults(request.Mode, found.Value.SemanticAvailable, found.Value.EmbeddingModel, items);
    }
}
