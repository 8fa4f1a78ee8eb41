using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.FlagNote;

/// <summary>The yes/no marks an owner puts on a note; each has a route that sets it and one that clears it.</summary>
internal enum NoteFlag
{
    Pinned,
    Liked,
    Archived,
}

[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record FlagNote(Guid Id, NoteFlag Flag, bool On) : ICommand;

internal sealed class FlagNoteHandler(NotesDbContext db, TimeProvider clock) : ICommandHandler<FlagNote>
{
    public Task<Result> Handle(FlagNote request, CancellationToken cancellationToken) =>
        db.ChangeNoteAsync(request.Id, clock, (note, _) => Set(note, request.Flag, request.On), cancellationToken);

    private static void Set(Note note, NoteFlag flag, bool on)
    {
        switch (flag)
        {
            case NoteFlag.Pinned:
                note.IsPinned = on;
                break;
            case NoteFlag.Liked:
                note.IsLiked = on;
                break;
            case NoteFlag.Archived:
                note.IsArchived = on;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(flag), flag, null);
        }
    }
}

internal sealed class FlagNoteEndpoint : IEndpoint
{
    private static readonly (string Action, NoteFlag Flag, bool On, string Summary)[] Routes =
    [
        ("pin", NoteFlag.Pinned, true, "Pin a note"),
        ("unpin", NoteFlag.Pinned, false, "Unpin a note"),
        ("like", NoteFlag.Liked, true, "Like a note"),
        ("unlike", NoteFlag.Liked, false, "Unlike a note"),
        ("archive", NoteFlag.Archived, true, "Archive a note (hidden from the default list)"),
        ("unarchive", NoteFlag.Archived, false, "Bring a note back from the archive"),
    ];

    public void MapEndpoint(ApiRoutes routes)
    {
        foreach (var (action, flag, on, summary) in Routes)
        {
            routes.V1.MapPost($"/notes/{{id}}/{action}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new FlagNote(id, flag, on), ct)).ToNoContent())
                .RequireScope(ApiScopes.NotesWrite).WithTags("Notes")
                .WithName($"{action}Note").Produces(StatusCodes.Status204NoContent).ProducesProblem(409).WithSummary(summary);
        }
    }
}
