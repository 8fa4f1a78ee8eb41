using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.ReprocessAudio;

/// <summary>
/// Processes one of the caller's recordings again, optionally with another engine (<see cref="SpeechEngineNames"/>;
/// auto when absent). Its transcript becomes the next version and Notes gets the new result.
/// </summary>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record ReprocessAudio(Guid AudioId, string? Engine) : ICommand<ProcessingStatusDto>;

/// <summary>The optional body of a reprocess request.</summary>
internal sealed record ReprocessRequest(string? Engine);

internal sealed class ReprocessAudioValidator : AbstractValidator<ReprocessAudio>
{
    public ReprocessAudioValidator() =>
        RuleFor(r => r.Engine).Must(e => SpeechEngineNames.TryParse(e, out _))
            .WithErrorCode(AudioErrors.InvalidFieldCode("engine")).WithMessage(AudioErrors.InvalidEngineMessage);
}

internal sealed class ReprocessAudioHandler(
    AudioProcessingDbContext db, JobQueue<AudioProcessingDbContext> jobs, ISpeechEngines engines, TimeProvider clock)
    : ICommandHandler<ReprocessAudio, ProcessingStatusDto>
{
    public async Task<Result<ProcessingStatusDto>> Handle(ReprocessAudio request, CancellationToken cancellationToken)
    {
        _ = SpeechEngineNames.TryParse(request.Engine, out var engine); // known: the validator refused other names
        var file = await db.AudioFiles.WithSpecification(new RecordingById(request.AudioId)).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        var queued = await RunAgain.QueueAsync(db, jobs, engines, file, engine, file.OwnerId, clock.GetUtcNow(), cancellationToken);
        if (queued.IsFailure)
        {
            return queued.Error;
        }

        return await db.ProcessingStatusAsync(request.AudioId, cancellationToken);
    }
}

internal sealed class ReprocessAudioEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/audio/{id}/process", async (Guid id, ISender sender, CancellationToken ct, ReprocessRequest? body = null) =>
                (await sender.Send(new ReprocessAudio(id, body?.Engine), ct)).ToHttp(s => TypedResults.Accepted($"/api/v1/audio/{id}/processing", s)))
            .RequireScope(ApiScopes.AudioWrite).WithTags("Audio processing")
            .WithName("reprocessAudio").Produces<ProcessingStatusDto>(StatusCodes.Status202Accepted).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Process the recording again, optionally with another engine; the transcript gets a new version");
}
