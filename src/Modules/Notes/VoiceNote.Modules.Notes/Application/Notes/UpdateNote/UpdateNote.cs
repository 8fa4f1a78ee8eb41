using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Notes.UpdateNote;

/// <summary>
/// A partial update (JSON merge-patch semantics): a field left out keeps its value, a field sent as
/// null is cleared, a transcript sent with a null text is removed. Server-owned fields are refused.
/// </summary>
/// <remarks>With <paramref name="IfMatch"/> (the note's ETag) the change applies only to that version; otherwise 412.</remarks>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record UpdateNote(Guid Id, Sent<NoteFields> Body, string? IfMatch = null) : ICommand<NoteDto>, INoteFieldsCommand;

internal sealed class UpdateNoteValidator() : NoteFieldsValidator<UpdateNote>(creating: false);

internal sealed class UpdateNoteHandler(NotesDbContext db, RepresentationTags tags, TimeProvider clock, IOptions<NoteAnalysisOptions> analysis) : ICommandHandler<UpdateNote, NoteDto>
{
    public async Task<Result<NoteDto>> Handle(UpdateNote request, CancellationToken cancellationToken)
    {
        await db.LockNoteAsync(request.Id, cancellationToken);
        var note = await db.FindNoteWithChildrenAsync(request.Id, cancellationToken);
        if (note is null)
        {
            return NotesErrors.NoteNotFound;
        }

        if (note.IsDeleted)
        {
            return NotesErrors.NoteInTrash;
        }

        if (tags.Check(request.IfMatch, note) is { } stale)
        {
            return stale;
        }

        var now = clock.NowForDatabase();
        NoteWriter.Apply(note, request.Body, now);
        NoteWriter.AfterOwnerTextChange(db, note, analysis.Value, now);
        return NoteDto.From(note);
    }
}

internal sealed class UpdateNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPatch("/notes/{id}", (Guid id, JsonElement body, IOptions<JsonOptions> json, HttpContext http, ISender sender, CancellationToken ct) =>
                NoteEndpoints.WithBody(NoteFields.Body, body, json, sent => sender.Send(new UpdateNote(id, sent, http.IfMatch()), ct), http))
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<NoteFields>("application/merge-patch+json", "application/json")
            .WithTags("Notes")
            .WithName("updateNote").Produces<NoteDto>().ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Change some fields of a note (absent: kept, null: cleared)");
}
