using System.ComponentModel.DataAnnotations;
using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.SetNoteStatus;

/// <summary>Set the note's status; with <paramref name="IfMatch"/> (the note's ETag) only on that version, else 412.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record SetNoteStatus(Guid Id, NoteStatus? Status, string? IfMatch = null) : ICommand;

internal sealed record StatusBody([Required] NoteStatus? Status);

internal sealed class SetNoteStatusValidator : AbstractValidator<SetNoteStatus>
{
    public SetNoteStatusValidator() => RuleFor(c => c.Status).NotNull().IsInEnum();
}

internal sealed class SetNoteStatusHandler(NotesDbContext db, RepresentationTags tags, TimeProvider clock) : ICommandHandler<SetNoteStatus>
{
    public Task<Result> Handle(SetNoteStatus request, CancellationToken cancellationToken) =>
        db.ChangeNoteAsync(request.Id, clock, (note, _) => note.Status = request.Status!.Value, cancellationToken, new Condition(tags, request.IfMatch));
}

internal sealed class SetNoteStatusEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/notes/{id}/status", async (Guid id, StatusBody body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetNoteStatus(id, body.Status, http.IfMatch()), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes")
            .WithName("setNoteStatus").Produces(StatusCodes.Status204NoContent).ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Set a note's status (PENDING, DONE, DELAYED)");
}
