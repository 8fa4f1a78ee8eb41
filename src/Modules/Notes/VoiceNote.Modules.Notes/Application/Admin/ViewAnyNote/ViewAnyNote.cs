using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Admin.ViewAnyNote;

/// <summary>Any user's note in full, with who owns it and who moderated it.</summary>
[Requires(Permission = AdminPermissions.CanViewAllNotes)]
internal sealed record ViewAnyNote(Guid Id) : IQuery<AdminNoteDto>;

internal sealed record AdminNoteDto(Guid OwnerId, Guid? ModeratedBy, NoteDto Note);

internal sealed class ViewAnyNoteHandler(NotesDbContext db) : IQueryHandler<ViewAnyNote, AdminNoteDto>
{
    public async Task<Result<AdminNoteDto>> Handle(ViewAnyNote request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.WithSpecification(new AnyNoteWithChildrenById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        return note is null ? NotesErrors.NoteNotFound : new AdminNoteDto(note.OwnerId.Value, note.ModeratedBy, NoteDto.From(note));
    }
}

internal sealed class ViewAnyNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/notes/{id}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new ViewAnyNote(id), ct)).ToOk())
            .RequirePermission(AdminPermissions.CanViewAllNotes)
            .WithName("viewAnyNote").Produces<AdminNoteDto>()
            .WithSummary("Any user's note (can_view_all_notes)");
}
