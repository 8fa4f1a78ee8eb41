using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.PinNote;

[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record PinNote(Guid Id, bool Pinned) : ICommand;

internal sealed class PinNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<PinNote>
{
    public Task<Result> Handle(PinNote request, CancellationToken cancellationToken) =>
        db.ChangeNoteAsync(request.Id, clock, (note, _) => note.IsPinned = request.Pinned, cancellationToken);
}

internal sealed class PinNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/notes/{id:guid}/pin", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new PinNote(id, true), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes").WithSummary("Pin a note");
        routes.V1.MapPost("/notes/{id:guid}/unpin", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new PinNote(id, false), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes").WithSummary("Unpin a note");
    }
}
