using System.Text.Json;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// Hands the saved transcript and analysis to Notes through the outbox. The outbox rows, the
/// analysis's published mark and the recording's status commit together: a resumed job that finds the
/// mark publishes nothing again, and only sets the recording back to processed.
/// </summary>
internal sealed class PublishStage(AudioProcessingDbContext db, TimeProvider clock)
{
    /// <param name="startedBy">Who started the run (the owner, or the case participant who re-processed it).</param>
    public async Task RunAsync(AudioFile file, TranscriptVersion transcript, AnalysisVersion analysis, Guid startedBy, CancellationToken cancellationToken)
    {
        if (analysis.PublishedAt is not null)
        {
            // An earlier run of this job published it (a run that lost its lease, or one whose end was
            // not recorded): nothing is sent again, but this run set the recording to processing when
            // it began, and the recording is processed.
            if (file.Status != AudioStatus.Processed)
            {
                file.Status = AudioStatus.Processed;
                file.ProcessingError = null;
                file.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        var now = clock.GetUtcNow();
        var audioUrl = $"/api/v1/audio/{file.Id}/content";
        var published = PublishedAnalysis.Read(analysis.Result);
        db.Publish(new AudioTranscribed(
            file.Id,
            file.OwnerId.Value,
            EngineOf(transcript.Engine),
            transcript.Language,
            transcript.Text,
            transcript.Duration.TotalSeconds,
            file.RecordedAt,
            transcript.CreatedAt,
            file.Title,
            file.OnDeviceTranscript,
            file.OnDeviceTranscriptLanguage,
            Preferred: true,
            AudioUrl: audioUrl,
            RawAudioUrl: audioUrl,
            SizeBytes: file.SizeBytes,
            ProcessingOptions: JsonSerializer.Serialize(
                new { engine = transcript.Engine, requested = file.SpeechEngine, analysis = analysis.Engine, transcriptVersion = transcript.Version },
                JsonSerializerOptions.Web),
            CaseId: file.CaseId,
            StartedBy: startedBy,
            TranscriptVersion: transcript.Version,
            JobId: transcript.JobId));
        db.Publish(new AudioAnalysed(
            file.Id,
            file.OwnerId.Value,
            published.Summary,
            published.Tasks,
            published.KeyMoments,
            published.Sentiment,
            file.RecordedAt,
            analysis.CreatedAt,
            file.Title ?? published.Title,
            published.Priority,
            analysis.Engine,
            analysis.Language,
            file.CaseId,
            startedBy,
            transcript.Version,
            analysis.JobId));
        analysis.PublishedAt = now;
        file.Status = AudioStatus.Processed;
        file.ProcessingError = null;
        file.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static SpeechEngine EngineOf(string engine) => engine switch
    {
        "openai" or "openai-compatible" => SpeechEngine.OpenAi,
        "groq" => SpeechEngine.Groq,
        "deepgram" => SpeechEngine.Deepgram,
        _ => SpeechEngine.Local,
    };
}
