using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Idempotency;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
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
internal sealed record CreateNote(Sent<NoteFields> Body, IdempotentRequest? Idempotency = null) : ICommand<NoteCreation>, INoteFieldsCommand;

/// <summary>The note, and whether this request made it (201) or an earlier one with the same key did (200).</summary>
internal sealed record NoteCreation(NoteDto Note, bool Created);

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

internal sealed class CreateNoteHandler(NotesDbContext db, ICurrentUser caller, TimeProvider clock, IOptions<NoteAnalysisOptions> analysis) : ICommandHandler<CreateNote, NoteCreation>
{
    public async Task<Result<NoteCreation>> Handle(CreateNote request, CancellationToken cancellationToken)
    {
        if (request.Idempotency is { } idempotency && await EarlierAsync(idempotency, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.NowForDatabase();
        var note = Note.Create(caller.Id, now);
        NoteWriter.Apply(note, request.Body, now);
        if (request.Idempotency is null)
        {
            db.Notes.Add(note);
            NoteWriter.AfterOwnerTextChange(db, note, analysis.Value, now);
            return new NoteCreation(NoteDto.From(note), Created: true);
        }

        note.RememberCreate(request.Idempotency.Key, request.Idempotency.BodyHash);
        db.Notes.Add(note);
        NoteWriter.AfterOwnerTextChange(db, note, analysis.Value, now);
        try
        {
            // Saved here, not by the unit of work, so that a concurrent retry that won is answered below.
            await db.SaveChangesAsync(cancellationToken);
            return new NoteCreation(NoteDto.From(note), Created: true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The failed insert rolled back to its savepoint, so the transaction reads on.
            db.ChangeTracker.Clear();
            return await EarlierAsync(request.Idempotency, cancellationToken) ?? throw new InvalidOperationException("The winning create is not there.", e);
        }
    }

    private async Task<Result<NoteCreation>?> EarlierAsync(IdempotentRequest idempotency, CancellationToken cancellationToken)
    {
        var earlier = await db.Notes.AsNoTracking().Include(n => n.Transcripts).Include(n => n.Tasks)
            .FirstOrDefaultAsync(n => n.OwnerId == caller.Id && n.IdempotencyKey == idempotency.Key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return idempotency.Repeats(earlier.IdempotencyHash) ? new NoteCreation(NoteDto.From(earlier), Created: false) : IdempotentRequest.KeyReused;
    }
}

internal sealed class CreateNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/notes", async (JsonElement body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IOptions<JsonOptions> json, ISender sender, CancellationToken ct) =>
            {
                var idempotency = IdempotentRequest.From(idempotencyKey, () => JsonSerializer.SerializeToUtf8Bytes(body));
                if (idempotency.IsFailure)
                {
                    return ProblemResults.From(idempotency.Error);
                }

                return await NoteEndpoints.WithBody(NoteFields.Body, body, json, sent => sender.Send(new CreateNote(sent, idempotency.Value), ct),
                    created => created.Created
                        ? TypedResults.Created($"/api/v1/notes/{created.Note.Id}", created.Note)
                        : TypedResults.Ok(created.Note));
            })
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<NoteFields>("application/json")
            .WithTags("Notes")
            .WithName("createNote").Produces<NoteDto>(StatusCodes.Status201Created)
            .Produces<NoteDto>().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Create a note (text-only notes too); the same Idempotency-Key and body again answer 200 with that note");
}
