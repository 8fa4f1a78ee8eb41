using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// Runs one recording through the pipeline. Every stage's output is saved before the next stage
/// starts (the PCM on disk, the transcript and analysis versions in the database, keyed by the job),
/// so a retry or a worker taking over after a crash skips what is already done. Publishing marks the
/// analysis published in the same transaction as the outbox rows: Notes hears of it exactly once.
/// </summary>
internal sealed class ProcessRecordingJob(
    AudioProcessingDbContext db,
    IAudioStorage storage,
    IAudioDecoder decoder,
    TranscribeStage transcribe,
    AnalyseStage analyse,
    PublishStage publish,
    TimeProvider clock,
    IOptionsMonitor<AudioOptions> limits,
    ILogger<ProcessRecordingJob> logger) : IJobHandler
{
    private const string PcmFileName = "audio.pcm";

    public string Kind => ProcessRecording.Kind;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ProcessRecordingPayload>(job.Payload, JsonSerializerOptions.Web)
            ?? throw new JsonException("A processing job without a payload.");
        var owner = new UserId(payload.OwnerId);

        // Workers have no caller, so the owner filter is lifted and the owner matched explicitly.
        var file = await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .FirstOrDefaultAsync(a => a.Id == payload.AudioId && a.OwnerId == owner, cancellationToken);
        if (file is null)
        {
            return JobOutcome.Fail("The recording was deleted before its processing finished.");
        }

        if (file.Status != AudioStatus.Processing)
        {
            file.Status = AudioStatus.Processing;
            file.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            return await RunStagesAsync(job, file, payload, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled by its owner, or the worker is stopping (another run resumes it): not processing now.
            // Written past the change tracker, which may hold a stage's half-saved changes.
            var now = clock.GetUtcNow();
            await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
                .Where(a => a.Id == file.Id && a.Status == AudioStatus.Processing)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AudioStatus.Uploaded).SetProperty(a => a.UpdatedAt, now), CancellationToken.None);
            throw;
        }
    }

    private async Task<JobOutcome> RunStagesAsync(JobContext job, AudioFile file, ProcessRecordingPayload payload, CancellationToken cancellationToken)
    {
        await job.ReportAsync(ProcessingStage.Decode, 2, cancellationToken);
        var pcm = await DecodeAsync(file, cancellationToken);
        if (pcm.IsFailure)
        {
            return await FailAsync(file, job, ProcessingStage.Decode, pcm.Error);
        }

        var transcript = await transcribe.RunAsync(job, file, payload, pcm.Value, storage.WorkFolder(file.Id), cancellationToken);
        if (transcript.IsFailure)
        {
            return await FailAsync(file, job, ProcessingStage.Transcribe, transcript.Error);
        }

        var analysis = await analyse.RunAsync(job, file, transcript.Value, payload, cancellationToken);
        if (analysis.IsFailure)
        {
            return await FailAsync(file, job, ProcessingStage.Analyse, analysis.Error);
        }

        await job.ReportAsync(ProcessingStage.Publish, 95, cancellationToken);
        await publish.RunAsync(file, transcript.Value, analysis.Value, payload.KeysOf.Value, cancellationToken);
        storage.DeleteWork(file.Id);
        logger.LogInformation("Recording {AudioId} processed by job {JobId} on attempt {Attempt}", file.Id, job.Id, job.Attempt);
        return JobOutcome.Done;
    }

    /// <summary>The PCM the earlier attempt decoded, or a fresh decode (written aside and renamed, so a file that exists is whole).</summary>
    private async Task<Result<DecodedAudio>> DecodeAsync(AudioFile file, CancellationToken cancellationToken)
    {
        var pcmPath = Path.Combine(storage.WorkFolder(file.Id), PcmFileName);
        if (File.Exists(pcmPath))
        {
            return new DecodedAudio(pcmPath, new FileInfo(pcmPath).Length);
        }

        // The upload's limit again, on what actually decodes: a container's claimed duration can be forged.
        var max = TimeSpan.FromSeconds(limits.CurrentValue.MaxDurationSeconds);
        return await decoder.DecodeToPcmAsync(storage.PathOf(file.StorageKey), pcmPath, max, cancellationToken);
    }

    /// <summary>
    /// A transient engine error goes back to the queue while attempts remain; anything else, or the last
    /// attempt, fails the recording with the reason kept. Saved stages stay for an operator's retry.
    /// </summary>
    private async Task<JobOutcome> FailAsync(AudioFile file, JobContext job, string stage, Error error)
    {
        var reason = $"{stage}: {error.Code}: {error.Message}";
        var retry = EngineFailures.IsTransient(error);
        if (!retry || !job.CanRetry)
        {
            file.Status = AudioStatus.Failed;
            file.ProcessingError = reason.Length > AudioFile.ErrorLength ? reason[..AudioFile.ErrorLength] : reason;
            file.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        logger.LogWarning("Recording {AudioId}, job {JobId}, attempt {Attempt}: {Stage} failed with {Code}", file.Id, job.Id, job.Attempt, stage, error.Code);
        return retry ? JobOutcome.Retry(reason) : JobOutcome.Fail(reason);
    }
}
