using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.ProcessCaseRecording;

/// <summary>Which engine to run again (a speech engine name: auto, local, openai, openai_compatible, groq, deepgram); auto when absent.</summary>
internal sealed record ProcessRequest(string? Engine);

/// <summary>
/// Runs a case recording through transcription and analysis again (docs/decisions/0079): participants who may upload
/// audio into the case may, whoever owns the recording; a remote engine uses the starter's own stored key. The run adds
/// a transcript and an analysis version; it never replaces one.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.UploadAudio)]
internal sealed record ProcessCaseRecording(Guid CaseId, Guid AudioId, string? Engine) : ICommand<QueuedRunDto>, ICaseRequest;

internal sealed class ProcessCaseRecordingValidator : AbstractValidator<ProcessCaseRecording>
{
    public ProcessCaseRecordingValidator() => RuleFor(r => r.Engine).MaximumLength(32).OverridePropertyName("engine");
}

internal sealed class ProcessCaseRecordingHandler(CasesDbContext db, ICaseRecordings recordings, ICurrentUser user)
    : ICommandHandler<ProcessCaseRecording, QueuedRunDto>
{
    public async Task<Result<QueuedRunDto>> Handle(ProcessCaseRecording request, CancellationToken cancellationToken)
    {
        if (await db.RecordingInCaseAsync(request.CaseId, request.AudioId, cancellationToken) is null)
        {
            return CasesErrors.RecordingNotFound;
        }

        var queued = await recordings.ProcessAgainAsync(request.AudioId, user.Id.Value, request.Engine, cancellationToken);
        return queued.IsFailure ? queued.Error : new QueuedRunDto(request.AudioId, queued.Value);
    }
}

internal sealed class ProcessCaseRecordingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/recordings/{audioId}/process", async (Guid id, Guid audioId, ISender sender, CancellationToken ct, ProcessRequest? body = null) =>
                (await sender.Send(new ProcessCaseRecording(id, audioId, body?.Engine), ct)).ToHttp(q => TypedResults.Accepted($"/api/v1/cases/{id}/recordings/{audioId}/transcripts", q)))
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("processCaseRecording").Produces<QueuedRunDto>(StatusCodes.Status202Accepted).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Transcribe and analyse a case recording again, with your own keys for a remote engine; adds a version");
}
