using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>The item an upload resolved to, and whether this request created it.</summary>
internal sealed record UploadOutcome(AudioFileDto Item, bool Created);

/// <summary>
/// Turns a staged upload into a stored recording: probe the content, apply the limits, find the
/// owner's identical bytes, then place the file and write the row with its processing job. A refusal leaves the staged
/// file for the caller to discard; a failed insert removes the placed file again.
/// </summary>
internal sealed class AudioUploader(
    AudioDbContext db,
    IMediaProbe probe,
    IAudioStorage storage,
    ISpeechEngines engines,
    JobQueue<AudioDbContext> jobs,
    ICurrentUser caller,
    TimeProvider clock,
    IOptions<AudioOptions> options)
{
    public async Task<AudioFileDto?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken)
    {
        var existing = await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.IdempotencyKey == key, cancellationToken);
        return existing is null ? null : AudioFileDto.From(existing);
    }

    public async Task<Result<UploadOutcome>> CompleteAsync(StagedAudio staged, UploadFields fields, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var recordedAt = fields.Validate();
        if (recordedAt.IsFailure)
        {
            return recordedAt.Error;
        }

        var media = await probe.ProbeAsync(staged.TempPath, cancellationToken);
        if (media.IsFailure)
        {
            return media.Error;
        }

        var limits = options.Value;
        if (media.Value.Duration > TimeSpan.FromSeconds(limits.MaxDurationSeconds))
        {
            return AudioErrors.TooLong(TimeSpan.FromSeconds(limits.MaxDurationSeconds));
        }

        var same = await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == staged.Sha256, cancellationToken);
        if (same is not null)
        {
            return new UploadOutcome(AudioFileDto.From(same), Created: false);
        }

        // An engine chosen explicitly must be usable now (a key stored), not fail later in the job.
        SpeechEngineNames.TryParse(fields.Engine, out var engine);
        if (engine is not (SpeechEngineChoice.Auto or SpeechEngineChoice.Local)
            && await engines.ForOwnerAsync(caller.Id, engine, cancellationToken) is { IsFailure: true } unusable)
        {
            return unusable.Error;
        }

        var used = await db.AudioFiles.SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        if (used + staged.SizeBytes > limits.QuotaBytesPerUser)
        {
            return AudioErrors.QuotaExceeded(limits.QuotaBytesPerUser);
        }

        var id = Guid.CreateVersion7();
        var key = storage.Commit(staged, caller.Id, id, media.Value.Container);
        var now = clock.GetUtcNow();
        var file = new AudioFile(id, caller.Id, key, media.Value.Container, media.Value.Codec, staged.SizeBytes, media.Value.Duration, staged.Sha256, now)
        {
            OriginalName = UploadFields.CleanName(fields.FileName),
            Title = string.IsNullOrWhiteSpace(fields.Title) ? null : fields.Title.Trim(),
            OnDeviceTranscript = string.IsNullOrWhiteSpace(fields.OnDeviceTranscript) ? null : fields.OnDeviceTranscript,
            OnDeviceTranscriptLanguage = string.IsNullOrWhiteSpace(fields.Language) ? null : fields.Language.Trim(),
            RecordedAt = recordedAt.Value ?? now,
            IdempotencyKey = idempotencyKey,
        };
        db.AudioFiles.Add(file);
        ProcessRecording.Enqueue(jobs, db, file, engine, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new UploadOutcome(AudioFileDto.From(file), Created: true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same bytes or key won: answer with its item.
            storage.Delete(key);
            db.ChangeTracker.Clear();
            var winner = await db.AudioFiles.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Sha256 == staged.Sha256 || (idempotencyKey != null && a.IdempotencyKey == idempotencyKey), cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new UploadOutcome(AudioFileDto.From(winner), Created: false);
        }
        catch
        {
            storage.Delete(key);
            throw;
        }
    }
}
