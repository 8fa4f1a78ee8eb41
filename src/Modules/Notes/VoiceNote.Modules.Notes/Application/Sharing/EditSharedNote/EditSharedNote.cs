using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Concurrency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Sharing.EditSharedNote;

/// <summary>
/// Changes the title or summary of a note whoever owns it, for a module that vouches for the writer (a participant
/// allowed to edit a case's notes; docs/decisions/0080). With <paramref name="IfMatch"/> only that version changes.
/// </summary>
internal sealed record EditSharedNote(Guid NoteId, NoteContent Changes, string? IfMatch) : ICommand<SharedNote>, ISystemRequest;

internal sealed class EditSharedNoteValidator : AbstractValidator<EditSharedNote>
{
    public EditSharedNoteValidator()
    {
        RuleFor(c => c.Changes.Title).MaximumLength(NoteLimits.TitleLength).OverridePropertyName("title");
        RuleFor(c => c.Changes.Summary).MaximumLength(NoteLimits.SummaryLength).OverridePropertyName("summary");
    }
}

internal sealed class EditSharedNoteHandler(NotesDbContext db, RepresentationTags tags, TimeProvider clock, IOptions<NoteAnalysisOptions> analysis)
    : ICommandHandler<EditSharedNote, SharedNote>
{
    public async Task<Result<SharedNote>> Handle(EditSharedNote request, CancellationToken cancellationToken)
    {
        // The row lock first, as for the owner's own edit: two writers with one tag take turns, the second sees the first's change.
        await db.LockNoteAsync(request.NoteId, cancellationToken);
        var note = await db.Notes.WithSpecification(new SharedNotesByIds([request.NoteId], tracked: true)).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (note.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        var current = note.ToShared(tags);
        if (!EntityTags.Allow(request.IfMatch, current.ETag))
        {
            return new NoteChangedSinceRead(current);
        }

        var now = clock.NowForDatabase();
        NoteWriter.Apply(note, request.Changes.AsSent(), now);
        NoteWriter.AfterOwnerTextChange(db, note, analysis.Value, now);
        return note.ToShared(tags);
    }
}
