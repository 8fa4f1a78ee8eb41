using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.GetNote;

/// <summary>One of the caller's notes with its transcripts and tasks; a note in the trash can still be read.</summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record GetNote(Guid Id) : IQuery<NoteDto>;

internal sealed class GetNoteHandler(NotesDbContext db) : IQueryHandler<GetNote, NoteDto>
{
    public async Task<Result<NoteDto>> Handle(GetNote request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.WithSpecification(new NoteWithChildrenById(request.Id)).FirstOrDefaultAsync(cancellationToken);
        return note is null ? NotesErrors.NoteNotFound : NoteDto.From(note);
    }
}

internal sealed class GetNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/notes/{id}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) => (await sender.Send(new GetNote(id), ct)).ToTaggedOk(http))
            .RequireScope(ApiScopes.NotesRead)
            .WithTags("Notes")
            .WithName("getNote").Produces<NoteDto>().Produces(StatusCodes.Status304NotModified)
            .WithSummary("A note with its transcripts and tasks");
}
