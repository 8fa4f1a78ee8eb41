using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.RestoreNote;

/// <summary>Brings a note back from the trash, with its tasks. Idempotent.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record RestoreNote(Guid Id) : ICommand;

internal sealed class RestoreNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<RestoreNote>
{
    public async Task<Result> Handle(RestoreNote request, CancellationToken cancellationToken)
    {
        var note = await db.FindNoteAsync(request.Id, cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        note.Restore(clock.NowForDatabase());
        return Result.Success();
    }
}

internal sealed class RestoreNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/notes/{id}/restore", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new RestoreNote(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes")
            .WithName("restoreNote").Produces(StatusCodes.Status204NoContent).WithSummary("Restore a note from the trash");
}
