using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Telemetry;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// Keeps new audio as <c>owner</c>'s recording, in their library or stored in a case (docs/decisions/0079), or answers
/// with the owner's item that already holds these bytes (or this Idempotency-Key). The file, its row and its processing
/// job are all or nothing: a refusal leaves none of them, and a placed file goes again unless the row commits.
/// It runs inside the caller's AudioProcessing transaction; the owner is named, never taken from the query filter.
/// </summary>
internal sealed class RecordingKeeper(
    AudioProcessingDbContext db,
    IAudioStorage storage,
    FileSteps fileSteps,
    ISpeechEngines engines,
    JobQueue<AudioProcessingDbContext> jobs,
    TimeProvider clock,
    IOptionsMonitor<AudioOptions> options,
    VoiceNoteMetrics metrics)
{
    public async Task<Result<UploadOutcome>> KeepAsync(NewAudio upload, UserId owner, Guid? caseId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (audio, media, details) = upload;
        var limits = options.CurrentValue;
        if (media.Duration > TimeSpan.FromSeconds(limits.MaxDurationSeconds))
        {
            return AudioErrors.TooLong(TimeSpan.FromSeconds(limits.MaxDurationSeconds));
        }

        var owned = db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).Where(a => a.OwnerId == owner);
        var same = await owned.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == audio.Sha256, cancellationToken);
        if (same is not null)
        {
            return new UploadOutcome(AudioFileDto.From(same), Created: false);
        }

        // An engine chosen explicitly must be usable now (a key stored), not fail later in the job.
        if (details.Engine is not (SpeechEngineChoice.Auto or SpeechEngineChoice.Local)
            && await engines.ForOwnerAsync(owner, details.Engine, cancellationToken) is { IsFailure: true } unusable)
        {
            return unusable.Error;
        }

        // Pending: the owner's recordings not yet through the pipeline.
        var pending = await owned.AsNoTracking()
            .Where(a => a.Status == AudioStatus.Uploaded || a.Status == AudioStatus.Processing)
            .Select(a => a.Duration)
            .ToListAsync(cancellationToken);
        if ((pending.Sum(d => d.TotalMinutes) + media.Duration.TotalMinutes) > limits.MaxPendingMinutesPerOwner)
        {
            return AudioErrors.PendingLimit(limits.MaxPendingMinutesPerOwner);
        }

        var used = await owned.SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        if (used + audio.SizeBytes > limits.QuotaBytesPerUser)
        {
            return AudioErrors.QuotaExceeded(limits.QuotaBytesPerUser);
        }

        var id = Guid.CreateVersion7();
        var key = caseId is { } home ? storage.CommitToCase(audio, home, id, media.Container) : storage.Commit(audio, owner, id, media.Container);
        fileSteps.UndoUnlessCommitted(() => storage.Delete(key));
        var now = clock.GetUtcNow();
        var file = new AudioFile(id, owner, key, media.Container, media.Codec, audio.SizeBytes, media.Duration, audio.Sha256, now)
        {
            OriginalName = details.OriginalName,
            Title = details.Title,
            OnDeviceTranscript = details.OnDeviceTranscript,
            OnDeviceTranscriptLanguage = details.OnDeviceTranscriptLanguage,
            RecordedAt = details.RecordedAt ?? now,
            IdempotencyKey = idempotencyKey,
            CaseId = caseId,
        };
        db.AudioFiles.Add(file);
        ProcessRecording.Enqueue(jobs, db, file, details.Engine, now);
        db.Publish(new AudioUploaded(id, owner.Value, audio.SizeBytes, media.Duration.TotalSeconds, now, caseId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            metrics.RecordUpload(audio.SizeBytes);
            return new UploadOutcome(AudioFileDto.From(file), Created: true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same bytes or key won: answer with its item. The failed insert
            // was rolled back to its savepoint, so the transaction reads on.
            storage.Delete(key);
            db.ChangeTracker.Clear();
            var winner = await owned.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Sha256 == audio.Sha256 || (idempotencyKey != null && a.IdempotencyKey == idempotencyKey), cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new UploadOutcome(AudioFileDto.From(winner), Created: false);
        }
    }
}
