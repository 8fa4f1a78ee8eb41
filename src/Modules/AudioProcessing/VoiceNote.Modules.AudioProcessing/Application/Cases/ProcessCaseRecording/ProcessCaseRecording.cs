using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Cases.ProcessCaseRecording;

/// <summary>
/// Runs a case's recording through the pipeline again for a participant (docs/decisions/0079): the job carries who
/// started it, whose stored keys a remote engine uses, and its transcript and analysis become the next versions.
/// Sent only by <see cref="CaseRecordings"/> once the Cases module has checked the caller's part in the case.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
internal sealed record ProcessCaseRecording(Guid AudioId, Guid StartedBy, string? Engine) : ICommand<Guid>;

internal sealed class ProcessCaseRecordingValidator : AbstractValidator<ProcessCaseRecording>
{
    public ProcessCaseRecordingValidator() =>
        RuleFor(r => r.Engine).Must(e => SpeechEngineNames.TryParse(e, out _))
            .WithErrorCode(AudioErrors.InvalidFieldCode("engine")).WithMessage(AudioErrors.InvalidEngineMessage);
}

internal sealed class ProcessCaseRecordingHandler(
    AudioProcessingDbContext db, JobQueue<AudioProcessingDbContext> jobs, ISpeechEngines engines, TimeProvider clock)
    : ICommandHandler<ProcessCaseRecording, Guid>
{
    public async Task<Result<Guid>> Handle(ProcessCaseRecording request, CancellationToken cancellationToken)
    {
        _ = SpeechEngineNames.TryParse(request.Engine, out var engine); // known: the validator refused other names

        // Not the caller's recording necessarily: the case decided they may run it, so the owner filter is lifted.
        var file = await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).FirstOrDefaultAsync(a => a.Id == request.AudioId, cancellationToken);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        // The starter's keys, not the owner's.
        var queued = await RunAgain.QueueAsync(db, jobs, engines, file, engine, new UserId(request.StartedBy), clock.GetUtcNow(), cancellationToken);
        return queued.IsFailure ? queued.Error : queued.Value.Id;
    }
}
