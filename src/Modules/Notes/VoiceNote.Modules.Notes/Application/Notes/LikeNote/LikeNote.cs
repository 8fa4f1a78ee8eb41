using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.LikeNote;

[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record LikeNote(Guid Id, bool Liked) : ICommand;

internal sealed class LikeNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<LikeNote>
{
    public Task<Result> Handle(LikeNote request, CancellationToken cancellationToken) =>
        db.ChangeNoteAsync(request.Id, clock, (note, _) => note.IsLiked = request.Liked, cancellationToken);
}

internal sealed class LikeNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapPost("/notes/{id:guid}/like", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new LikeNote(id, true), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes").WithSummary("Like a note");
        routes.V1.MapPost("/notes/{id:guid}/unlike", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new LikeNote(id, false), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes").WithSummary("Unlike a note");
    }
}
