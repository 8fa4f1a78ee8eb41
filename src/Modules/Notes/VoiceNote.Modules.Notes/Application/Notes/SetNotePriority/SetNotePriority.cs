using System.ComponentModel.DataAnnotations;
using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.SetNotePriority;

/// <summary>Set the note's priority; with <paramref name="IfMatch"/> (the note's ETag) only on that version, else 412.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record SetNotePriority(Guid Id, NotePriority? Priority, string? IfMatch = null) : ICommand;

internal sealed record PriorityBody([Required] NotePriority? Priority);

internal sealed class SetNotePriorityValidator : AbstractValidator<SetNotePriority>
{
    public SetNotePriorityValidator() => RuleFor(c => c.Priority).NotNull().IsInEnum();
}

internal sealed class SetNotePriorityHandler(NotesDbContext db, RepresentationTags tags, TimeProvider clock) : ICommandHandler<SetNotePriority>
{
    public Task<Result> Handle(SetNotePriority request, CancellationToken cancellationToken) =>
        db.ChangeNoteAsync(request.Id, clock, (note, _) =>
        {
            note.Priority = request.Priority!.Value;
            note.PrioritySetByOwner = true;
        }, cancellationToken, new Condition(tags, request.IfMatch));
}

internal sealed class SetNotePriorityEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/notes/{id}/priority", async (Guid id, PriorityBody body, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetNotePriority(id, body.Priority, http.IfMatch()), ct)).ToNoContent())
            .RequireScope(ApiScopes.NotesWrite).WithTags("Notes")
            .WithName("setNotePriority").Produces(StatusCodes.Status204NoContent).ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Set a note's priority (HIGH, MEDIUM, LOW)");
}
