using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.DeleteNote;

/// <summary>Moves a note to the trash: hidden from lists, tasks views and search until restored or purged. Idempotent.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record DeleteNote(Guid Id) : ICommand;

internal sealed class DeleteNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<DeleteNote>
{
    public async Task<Result> Handle(DeleteNote request, CancellationToken cancellationToken)
    {
        var note = await db.FindNoteAsync(request.Id, cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        note.SoftDelete(clock.NowForDatabase());
        return Result.Success();
    }
}

internal sealed class DeleteNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/notes/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new DeleteNote(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes")
            .WithName("deleteNote").Produces(StatusCodes.Status204NoContent).WithSummary("Move a note to the trash");
}
