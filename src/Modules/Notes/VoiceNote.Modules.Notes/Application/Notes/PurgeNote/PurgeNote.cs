using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.PurgeNote;

/// <summary>Deletes a note from the trash for good, with its transcripts and tasks. Only a note already in the trash can be purged.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record PurgeNote(Guid Id) : ICommand;

internal sealed class PurgeNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<PurgeNote>
{
    public async Task<Result> Handle(PurgeNote request, CancellationToken cancellationToken)
    {
        var note = await db.FindNoteAsync(request.Id, cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (!note.IsDeleted)
        {
            return NotesErrors.NotInTrash;
        }

        await NotePurging.PurgeAsync(db, [(note.Id, note.OwnerId.Value)], clock.NowForDatabase(), cancellationToken);
        return Result.Success();
    }
}

internal sealed class PurgeNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/notes/trash/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new PurgeNote(id), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes")
            .WithName("purgeNote").Produces(StatusCodes.Status204NoContent).ProducesProblem(409).WithSummary("Delete a note in the trash for good");
}
