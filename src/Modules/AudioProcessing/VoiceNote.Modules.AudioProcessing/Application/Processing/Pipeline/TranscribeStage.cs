using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Telemetry;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// Transcribes with the chosen engine (chunked to its limits) and saves a new transcript version, once per job.
/// An AUTO run whose remote engine cannot be reached for the run (<see cref="EngineFallbacks"/>) is transcribed
/// by the offline engine instead, and the version records the engine it was meant for and why (docs/decisions/0065).
/// Progress goes from 10 to 70 % with the share of the audio recognised, written at most once a second.
/// </summary>
internal sealed class TranscribeStage(
    AudioProcessingDbContext db, ISpeechEngines engines, ChunkedTranscriber transcriber, TimeProvider clock, VoiceNoteMetrics metrics, ILogger<TranscribeStage> logger)
{
    private const int From = 10;
    private const int To = 70;

    public async Task<Result<TranscriptVersion>> RunAsync(
        JobContext job, AudioFile file, ProcessRecordingPayload run, DecodedAudio pcm, string workFolder, CancellationToken cancellationToken)
    {
        var saved = await db.Transcripts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).FirstOrDefaultAsync(t => t.JobId == job.Id, cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        await job.ReportAsync(ProcessingStage.Transcribe, From, cancellationToken);
        // The keys of whoever started the run: the owner, or the case participant who re-processed it (docs/decisions/0079).
        var choice = run.Engine;
        var engine = await engines.ForOwnerAsync(run.KeysOf, choice, cancellationToken);
        if (engine.IsFailure)
        {
            return engine.Error;
        }

        var speech = await TranscribeAsync(job, engine.Value, pcm, workFolder, cancellationToken);
        (string From, EngineFallbackReason Reason)? fallback = null;
        if (speech.IsFailure && choice == SpeechEngineChoice.Auto && engine.Value != engines.Local
            && EngineFallbacks.TranscriptionFallsBack(speech.Error, lastAttempt: !job.CanRetry))
        {
            logger.LogWarning(
                "Recording {AudioId}, job {JobId}, attempt {Attempt}: engine {Engine} failed with {Code}; transcribing with the offline engine",
                file.Id, job.Id, job.Attempt, engine.Value.Engine, speech.Error.Code);
            fallback = (engine.Value.Engine, EngineFallbacks.ReasonOf(speech.Error));
            speech = await TranscribeAsync(job, engines.Local, pcm, workFolder, cancellationToken);
        }

        if (speech.IsFailure)
        {
            return speech.Error;
        }

        var latest = await db.Transcripts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(t => t.AudioId == file.Id).MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        var recognized = speech.Value;
        var transcript = new TranscriptVersion(
            file.Id,
            file.OwnerId,
            job.Id,
            latest + 1,
            recognized.Engine,
            recognized.Language,
            recognized.Text,
            [.. recognized.Words.Select(w => new TranscriptWord(w.Text, w.Start, w.End, w.Confidence))],
            recognized.AudioDuration,
            clock.GetUtcNow());
        if (fallback is { } used)
        {
            transcript.RecordFallback(used.From, used.Reason);
        }

        transcript.StartedBy = run.StartedBy;
        db.Transcripts.Add(transcript);
        await db.SaveChangesAsync(cancellationToken);
        return transcript;
    }

    private async Task<Result<RecognizedSpeech>> TranscribeAsync(
        JobContext job, ISpeechRecognizer engine, DecodedAudio pcm, string workFolder, CancellationToken cancellationToken)
    {
        await using var progress = ThrottledProgress.Start(job, ProcessingStage.Transcribe, From, ThrottledProgress.DefaultInterval, clock, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var speech = await transcriber.TranscribeAsync(
            engine, pcm, workFolder, recognised => progress.Report(From + (int)((To - From) * recognised)), cancellationToken);
        metrics.RecordEngineCall("speech", engine.Engine, remote: engine != engines.Local, Stopwatch.GetElapsedTime(started), speech.IsFailure ? speech.Error.Code : null);
        return speech;
    }
}
