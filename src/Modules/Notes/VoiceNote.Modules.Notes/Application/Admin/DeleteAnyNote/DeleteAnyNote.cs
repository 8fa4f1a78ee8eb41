using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Admin.DeleteAnyNote;

/// <summary>Moves any user's note to the trash (<see cref="Deleted"/> true) or restores it; the owner can still see it in their trash.</summary>
[Requires(Permission = AdminPermissions.CanDeleteNotes)]
internal sealed record DeleteAnyNote(Guid Id, bool Deleted) : ICommand;

internal sealed class DeleteAnyNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<DeleteAnyNote>
{
    public async Task<Result> Handle(DeleteAnyNote request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.WithSpecification(new AnyNoteById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (request.Deleted)
        {
            note.SoftDelete(clock.NowForDatabase());
        }
        else
        {
            note.Restore(clock.NowForDatabase());
        }

        return Result.Success();
    }
}

internal sealed class DeleteAnyNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.Admin.MapDelete("/notes/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteAnyNote(id, true), ct)).ToNoContent())
            .RequirePermission(AdminPermissions.CanDeleteNotes)
            .WithName("deleteAnyNote").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Move any user's note to the trash (can_delete_notes)");
        routes.Admin.MapPost("/notes/{id}/restore", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteAnyNote(id, false), ct)).ToNoContent())
            .RequirePermission(AdminPermissions.CanDeleteNotes)
            .WithName("restoreAnyNote").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Restore any user's note from the trash (can_delete_notes)");
    }
}
