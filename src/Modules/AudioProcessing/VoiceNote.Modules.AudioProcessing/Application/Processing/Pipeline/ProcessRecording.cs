using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>What a processing job carries: the recording, its owner, and the engine asked for when it was queued.</summary>
internal sealed record ProcessRecordingPayload(Guid AudioId, Guid OwnerId, SpeechEngineChoice Engine);

/// <summary>The "audio.process" job: decode → transcribe → analyse → publish to Notes.</summary>
internal static class ProcessRecording
{
    public const string Kind = "audio.process";

    /// <summary>Remote engines fail in bursts (rate limits, outages); five attempts with backoff ride most of them out.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Adds the job to the caller's unit of work, so the recording and its job commit together or not at all.</summary>
    public static JobRecord Enqueue(JobQueue<AudioProcessingDbContext> queue, AudioProcessingDbContext db, AudioFile file, SpeechEngineChoice engine, DateTimeOffset now)
    {
        var job = queue.Enqueue(db, Kind, new ProcessRecordingPayload(file.Id, file.OwnerId.Value, engine), file.OwnerId.Value, MaxAttempts);
        file.SpeechEngine = engine.ToString();
        file.ProcessingJobId = job.Id;
        file.ProcessingError = null;
        file.Status = AudioStatus.Uploaded;
        file.UpdatedAt = now;
        return job;
    }
}

/// <summary>The pipeline's stages as the status endpoint names them (docs/decisions/0047).</summary>
internal static class ProcessingStage
{
    public const string Decode = "decode";
    public const string Transcribe = "transcribe";
    public const string Analyse = "analyse";
    public const string Publish = "publish";
}
