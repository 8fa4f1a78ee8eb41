using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Idempotency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Notes.CreateNote;

/// <summary>
/// A note written by hand or by a client that transcribed on the device: no audio needed. Sent again
/// with the same Idempotency-Key and body, it answers the note the first request made (ADR 0067).
/// </summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record CreateNote(Sent<NoteFields> Body, IdempotentRequest? Idempotency = null) : ICommand<Creation<NoteDto>>, INoteFieldsCommand;

internal sealed class CreateNoteValidator : NoteFieldsValidator<CreateNote>
{
    public CreateNoteValidator()
        : base(creating: true)
    {
        RuleFor(c => c.Body.Value).Must(HasContent).OverridePropertyName("body")
            .WithMessage("A note needs a title, a summary or a transcript.");
    }

    private static bool HasContent(NoteFields fields) =>
        !string.IsNullOrWhiteSpace(fields.Title) || !string.IsNullOrWhiteSpace(fields.Summary)
        || fields.Transcripts?.Any(t => !string.IsNullOrWhiteSpace(t.Text)) == true;
}

internal sealed class CreateNoteHandler(NotesDbContext db, ICurrentUser caller, TimeProvider clock, IOptions<NoteAnalysisOptions> analysis)
    : ICommandHandler<CreateNote, Creation<NoteDto>>
{
    public Task<Result<Creation<NoteDto>>> Handle(CreateNote request, CancellationToken cancellationToken) =>
        IdempotentCreate.RunAsync(db, request.Idempotency, EarlierAsync, _ => Task.FromResult(Create(request)), (note, _, _) => Task.FromResult(NoteDto.From(note)), cancellationToken);

    private Result<Note> Create(CreateNote request)
    {
        var now = clock.NowForDatabase();
        var note = Note.Create(caller.Id, now);
        NoteWriter.Apply(note, request.Body, now);
        db.Notes.Add(note);
        NoteWriter.AfterOwnerTextChange(db, note, analysis.Value, now);
        return note;
    }

    private Task<Note?> EarlierAsync(string key, CancellationToken cancellationToken) =>
        db.Notes.AsNoTracking().Include(n => n.Transcripts).Include(n => n.Tasks)
            .FirstOrDefaultAsync(n => n.OwnerId == caller.Id && n.IdempotencyKey == key, cancellationToken);
}

internal sealed class CreateNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/notes", async (JsonElement body, [FromHeader(Name = IdempotentAnswers.Header)] string? idempotencyKey, IOptions<JsonOptions> json, ISender sender, CancellationToken ct) =>
            {
                var idempotency = IdempotentAnswers.Read(idempotencyKey, body);
                if (idempotency.IsFailure)
                {
                    return ProblemResults.From(idempotency.Error);
                }

                return await NoteEndpoints.WithBody(NoteFields.Body, body, json, sent => sender.Send(new CreateNote(sent, idempotency.Value), ct),
                    created => IdempotentAnswers.Answer(created, note => $"/api/v1/notes/{note.Id}"));
            })
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<NoteFields>("application/json")
            .WithTags("Notes")
            .WithName("createNote").Produces<NoteDto>(StatusCodes.Status201Created)
            .Produces<NoteDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Create a note (text-only notes too); the same Idempotency-Key and body again answer 200 with that note");
}
