using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// What a processing job carries: the recording, its owner, the engine asked for when it was queued, and who started
/// it when that was not the owner (a case participant, docs/decisions/0079): a remote engine uses that person's keys.
/// </summary>
internal sealed record ProcessRecordingPayload(Guid AudioId, Guid OwnerId, SpeechEngineChoice Engine, Guid? StartedBy = null)
{
    /// <summary>Whose stored keys the run's engines use: who started it.</summary>
    public UserId KeysOf => new(StartedBy ?? OwnerId);
}

/// <summary>The "audio.process" job: decode → transcribe → analyse → publish to Notes.</summary>
internal static class ProcessRecording
{
    public const string Kind = "audio.process";

    /// <summary>Remote engines fail in bursts (rate limits, outages); five attempts with backoff ride most of them out.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Adds the job to the caller's unit of work, so the recording and its job commit together or not at all.</summary>
    public static JobRecord Enqueue(
        JobQueue<AudioProcessingDbContext> queue, AudioProcessingDbContext db, AudioFile file, SpeechEngineChoice engine, DateTimeOffset now, Guid? startedBy = null)
    {
        var starter = startedBy == file.OwnerId.Value ? null : startedBy;
        var job = queue.Enqueue(db, Kind, new ProcessRecordingPayload(file.Id, file.OwnerId.Value, engine, starter), file.OwnerId.Value, MaxAttempts);
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
