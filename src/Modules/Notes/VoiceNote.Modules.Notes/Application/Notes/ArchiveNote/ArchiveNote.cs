using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.ArchiveNote;

[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record ArchiveNote(Guid Id, bool Archived) : ICommand;

internal sealed class ArchiveNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<ArchiveNote>
{
    public Task<Result> Handle(ArchiveNote request, CancellationToken cancellationToken) =>
        db.ChangeNoteAsync(request.Id, clock, (note, _) => note.IsArchived = request.Archived, cancellationToken);
}

internal sealed class ArchiveNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/notes/{id:guid}/archive", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new ArchiveNote(id, true), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes").WithSummary("Archive a note (hidden from the default list)");
        routes.V1.MapPost("/notes/{id:guid}/unarchive", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new ArchiveNote(id, false), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes").WithSummary("Bring a note back from the archive");
    }
}
