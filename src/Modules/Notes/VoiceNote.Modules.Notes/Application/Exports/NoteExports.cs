using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Exports;

/// <summary>
/// What the Exports module reads of notes (docs/decisions/0083). Exports runs in the background with no caller, so
/// the owner filter is lifted here and the owner named instead (as the pipeline's reads do); only
/// <see cref="GetAsync"/> names none, for the notes of a case the Cases module vouched for.
/// </summary>
internal sealed class NoteExports(NotesDbContext db) : INoteExports
{
    /// <summary>The most notes one page reads: each comes with its transcripts and tasks.</summary>
    public const int MaxPage = 500;

    private IQueryable<Note> AnyOwner => db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking().AsSplitQuery()
        .Include(n => n.Transcripts).Include(n => n.Tasks);

    public async Task<NoteForExport?> FindOwnAsync(Guid noteId, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        var note = await AnyOwner.FirstOrDefaultAsync(n => n.Id == noteId && n.OwnerId == owner, cancellationToken);
        return note is null ? null : ForExport(note);
    }

    public async Task<NoteForExport?> FindOwnByRecordingAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        var note = await AnyOwner.FirstOrDefaultAsync(n => n.AudioId == audioId && n.OwnerId == owner, cancellationToken);
        return note is null ? null : ForExport(note);
    }

    public async Task<IReadOnlyList<NoteForExport>> GetAsync(IReadOnlyCollection<Guid> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return [];
        }

        var ids = noteIds.Distinct().ToList();
        var notes = await AnyOwner.Where(n => ids.Contains(n.Id) && !n.IsDeleted).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return notes.Select(ForExport).ToList();
    }

    public async Task<IReadOnlyList<NoteForExport>> PageOwnAsync(Guid ownerId, Guid? after, int take, CancellationToken cancellationToken)
    {
        if (take <= 0)
        {
            return [];
        }

        var owner = new UserId(ownerId);
        var query = AnyOwner.Where(n => n.OwnerId == owner);
        if (after is { } last)
        {
            query = query.Where(n => n.Id.CompareTo(last) > 0);
        }

        var notes = await query.OrderBy(n => n.Id).Take(Math.Min(take, MaxPage)).ToListAsync(cancellationToken);
        return notes.Select(ForExport).ToList();
    }

    public Task<int> CountOwnAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        return db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).CountAsync(n => n.OwnerId == owner, cancellationToken);
    }

    /// <summary>Through the owner's own read of the note, so the export says what the API says (current transcript, task order, names).</summary>
    private static NoteForExport ForExport(Note note)
    {
        var shown = NoteDto.From(note);
        return new NoteForExport(
            shown.Id,
            note.OwnerId.Value,
            shown.AudioId,
            shown.Title,
            shown.Summary,
            shown.Transcript,
            shown.Transcripts.FirstOrDefault(t => t.IsPreferred)?.Language,
            shown.RecordedAt,
            shown.CreatedAt,
            shown.UpdatedAt,
            shown.DurationSeconds,
            ApiEnum<NotePriority>.NameOf(shown.Priority),
            shown.Sentiment?.Label,
            shown.IsDeleted,
            shown.Tasks.Select(t => new NoteTaskForExport(t.Id, t.Description, t.Deadline, ApiEnum<NotePriority>.NameOf(t.Priority), t.IsDone, t.DoneAt)).ToList(),
            shown.KeyMoments.Select(k => new NoteKeyMomentForExport(k.Timestamp, k.Description)).ToList());
    }
}
