using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// Transcribes with the chosen engine (chunked to its limits) and saves a new transcript version, once per
/// job. Progress goes from 10 to 70 % with the share of the audio recognised, written at most once a second.
/// </summary>
internal sealed class TranscribeStage(AudioProcessingDbContext db, ISpeechEngines engines, ChunkedTranscriber transcriber, TimeProvider clock)
{
    private const int From = 10;
    private const int To = 70;

    public async Task<Result<TranscriptVersion>> RunAsync(
        JobContext job, AudioFile file, SpeechEngineChoice choice, DecodedAudio pcm, string workFolder, CancellationToken cancellationToken)
    {
        var saved = await db.Transcripts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).FirstOrDefaultAsync(t => t.JobId == job.Id, cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        await job.ReportAsync(ProcessingStage.Transcribe, From, cancellationToken);
        var engine = await engines.ForOwnerAsync(file.OwnerId, choice, cancellationToken);
        if (engine.IsFailure)
        {
            return engine.Error;
        }

        Result<RecognizedSpeech> speech;
        await using (var progress = ThrottledProgress.Start(job, ProcessingStage.Transcribe, From, ThrottledProgress.DefaultInterval, clock, cancellationToken))
        {
            speech = await transcriber.TranscribeAsync(
                engine.Value, pcm, workFolder, recognised => progress.Report(From + (int)((To - From) * recognised)), cancellationToken);
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
        db.Transcripts.Add(transcript);
        await db.SaveChangesAsync(cancellationToken);
        return transcript;
    }
}
