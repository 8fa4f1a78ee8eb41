using FluentValidation;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Sharing.CreateNoteForOwner;

/// <summary>
/// A note another module writes for its owner (a note created in a case: its creator's). It is the owner's own note
/// from then on. A system request: the sending module has checked its caller (docs/decisions/0080).
/// </summary>
internal sealed record CreateNoteForOwner(UserId Owner, NoteContent Content) : ICommand<SharedNote>, ISystemRequest;

internal sealed class CreateNoteForOwnerValidator : AbstractValidator<CreateNoteForOwner>
{
    public CreateNoteForOwnerValidator()
    {
        RuleFor(c => c.Content.Title).MaximumLength(NoteLimits.TitleLength).OverridePropertyName("title");
        RuleFor(c => c.Content.Summary).MaximumLength(NoteLimits.SummaryLength).OverridePropertyName("summary");
        RuleFor(c => c.Content).Must(c => !string.IsNullOrWhiteSpace(c.Title) || !string.IsNullOrWhiteSpace(c.Summary))
            .OverridePropertyName("body").WithMessage("A note needs a title or a summary.");
    }
}

internal sealed class CreateNoteForOwnerHandler(NotesDbContext db, RepresentationTags tags, TimeProvider clock, IOptions<NoteAnalysisOptions> analysis)
    : ICommandHandler<CreateNoteForOwner, SharedNote>
{
    public Task<Result<SharedNote>> Handle(CreateNoteForOwner request, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var note = Note.Create(request.Owner, now);
        NoteWriter.Apply(note, request.Content.AsSent(), now);
        db.Notes.Add(note);
        NoteWriter.AfterOwnerTextChange(db, note, analysis.Value, now);
        return Task.FromResult(Result.Success(note.ToShared(tags)));
    }
}
