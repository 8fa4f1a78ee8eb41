using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.Versions.DiffTranscripts;

/// <summary>A word diff between two transcript versions of a case recording: equal, removed and added runs, in order.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record DiffTranscripts(Guid CaseId, Guid AudioId, int? From, int? To) : IQuery<TranscriptDiffDto>, ICaseRequest;

/// <summary>The runs turn version <see cref="From"/>'s words into version <see cref="To"/>'s; <see cref="Exact"/> is false when the texts were too different to compare word by word.</summary>
internal sealed record TranscriptDiffDto(int From, int To, bool Exact, IReadOnlyList<WordRun> Runs);

internal sealed class DiffTranscriptsValidator : AbstractValidator<DiffTranscripts>
{
    public DiffTranscriptsValidator()
    {
        RuleFor(q => q.From).NotNull().GreaterThan(0).OverridePropertyName("from");
        RuleFor(q => q.To).NotNull().GreaterThan(0).OverridePropertyName("to");
    }
}

internal sealed class DiffTranscriptsHandler(CasesDbContext db) : IQueryHandler<DiffTranscripts, TranscriptDiffDto>
{
    public async Task<Result<TranscriptDiffDto>> Handle(DiffTranscripts request, CancellationToken cancellationToken)
    {
        int from = request.From!.Value, to = request.To!.Value;
        var older = await db.OneAsync(request.CaseId, request.AudioId, RecordingVersionKind.Transcript, from, cancellationToken);
        if (older.IsFailure)
        {
            return older.Error;
        }

        var newer = await db.OneAsync(request.CaseId, request.AudioId, RecordingVersionKind.Transcript, to, cancellationToken);
        if (newer.IsFailure)
        {
            return newer.Error;
        }

        var diff = WordDiff.Compare(older.Value.Version.Text ?? string.Empty, newer.Value.Version.Text ?? string.Empty);
        return new TranscriptDiffDto(from, to, diff.Exact, diff.Runs);
    }
}

internal sealed class DiffTranscriptsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings/{audioId}/transcripts/diff", async (Guid id, Guid audioId, ISender sender, CancellationToken ct, int? from = null, int? to = null) =>
                (await sender.Send(new DiffTranscripts(id, audioId, from, to), ct)).ToOk())
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("diffCaseTranscripts").Produces<TranscriptDiffDto>()
            .WithSummary("A word diff between two transcript versions of a case recording (?from=1&to=2)");
}
