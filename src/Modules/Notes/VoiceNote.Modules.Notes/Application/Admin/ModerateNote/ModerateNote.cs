using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Admin.ModerateNote;

/// <summary>Records a moderator's decision on a note (APPROVED, FLAGGED, or NONE to clear it), with an optional reason.</summary>
[Requires(Permission = AdminPermissions.CanModerateContent)]
internal sealed record ModerateNote(Guid Id, ModerationStatus? Status, string? Note) : ICommand<ModerationDto>;

internal sealed record ModerationBody([Required] ModerationStatus? Status, string? Note);

internal sealed class ModerateNoteValidator : AbstractValidator<ModerateNote>
{
    public ModerateNoteValidator()
    {
        RuleFor(m => m.Status).NotNull().IsInEnum();
        RuleFor(m => m.Note).MaximumLength(NoteLimits.ModerationNoteLength);
    }
}

internal sealed class ModerateNoteHandler(NotesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<ModerateNote, ModerationDto>
{
    public async Task<Result<ModerationDto>> Handle(ModerateNote request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.WithSpecification(new AnyNoteById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        note.Moderate(request.Status!.Value, request.Note, caller.Id.Value, clock.NowForDatabase());
        return new ModerationDto(note.ModerationStatus, note.ModeratedAt, note.ModerationNote);
    }
}

internal sealed class ModerateNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapPost("/notes/{id}/moderation", async (Guid id, ModerationBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ModerateNote(id, body.Status, body.Note), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanModerateContent)
            .WithName("moderateNote").Produces<ModerationDto>()
            .WithSummary("Mark a note moderated: APPROVED, FLAGGED or NONE (can_moderate_content)");
}
