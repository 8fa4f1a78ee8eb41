using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace VoiceNote.Modules.Notes.Application.Notes.CreateNote;

/// <summary>A note written by hand or by a client that transcribed on the device: no audio needed.</summary>
[Requires(Scope = ApiScopes.NotesWrite)]
internal sealed record CreateNote(Sent<NoteFields> Body) : ICommand<NoteDto>, INoteFieldsCommand;

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

internal sealed class CreateNoteHandler(NotesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<CreateNote, NoteDto>
{
    public Task<Result<NoteDto>> Handle(CreateNote request, CancellationToken cancellationToken)
    {
        var now = clock.NowForDatabase();
        var note = Note.Create(caller.Id, now);
        NoteWriter.Apply(note, request.Body, now);
        db.Notes.Add(note);
        NoteWriter.AfterTextChange(db, note, now);
        return Task.FromResult<Result<NoteDto>>(NoteDto.From(note));
    }
}

internal sealed class CreateNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/notes", (JsonElement body, IOptions<JsonOptions> json, ISender sender, CancellationToken ct) =>
                NoteEndpoints.WithBody(NoteFields.Body, body, json, sent => sender.Send(new CreateNote(sent), ct),
                    note => TypedResults.Created($"/api/v1/notes/{note.Id}", note)))
            .RequireScope(ApiScopes.NotesWrite)
            .Accepts<NoteFields>("application/json")
            .WithTags("Notes")
            .WithName("createNote").Produces<NoteDto>(StatusCodes.Status201Created)
            .WithSummary("Create a note (text-only notes too)");
}
