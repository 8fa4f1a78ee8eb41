using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// The second half of an upload: keep what <see cref="ReceiveAudio"/> read, or answer with the owner's
/// item that already holds these bytes (or this Idempotency-Key). The file, its row and its processing
/// job are all or nothing: a refusal leaves none of them, and a placed file goes again unless the row commits.
/// </summary>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record UploadAudio(ReceivedAudio Received) : ICommand<UploadOutcome>;

/// <summary>The item an upload resolved to, and whether this request created it.</summary>
internal sealed record UploadOutcome(AudioFileDto Item, bool Created);

internal sealed class UploadAudioHandler(
    AudioProcessingDbContext db,
    IAudioStorage storage,
    FileSteps fileSteps,
    ISpeechEngines engines,
    JobQueue<AudioProcessingDbContext> jobs,
    ICurrentUser caller,
    TimeProvider clock,
    IOptions<AudioOptions> options) : ICommandHandler<UploadAudio, UploadOutcome>
{
    public async Task<Result<UploadOutcome>> Handle(UploadAudio request, CancellationToken cancellationToken)
    {
        var received = request.Received;
        if (received.New is not { } upload)
        {
            // ReceiveAudio found the upload this Idempotency-Key made: the retry gets its result.
            return new UploadOutcome(received.Earlier!, Created: false);
        }

        var (audio, media, details) = upload;
        var limits = options.Value;
        if (media.Duration > TimeSpan.FromSeconds(limits.MaxDurationSeconds))
        {
            return AudioErrors.TooLong(TimeSpan.FromSeconds(limits.MaxDurationSeconds));
        }

        var same = await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.Sha256 == audio.Sha256, cancellationToken);
        if (same is not null)
        {
            return new UploadOutcome(AudioFileDto.From(same), Created: false);
        }

        // An engine chosen explicitly must be usable now (a key stored), not fail later in the job.
        if (details.Engine is not (SpeechEngineChoice.Auto or SpeechEngineChoice.Local)
            && await engines.ForOwnerAsync(caller.Id, details.Engine, cancellationToken) is { IsFailure: true } unusable)
        {
            return unusable.Error;
        }

        // Pending: the owner filter limits this to the caller's recordings not yet through the pipeline.
        var pending = await db.AudioFiles.AsNoTracking()
            .Where(a => a.Status == AudioStatus.Uploaded || a.Status == AudioStatus.Processing)
            .Select(a => a.Duration)
            .ToListAsync(cancellationToken);
        if ((pending.Sum(d => d.TotalMinutes) + media.Duration.TotalMinutes) > limits.MaxPendingMinutesPerOwner)
        {
            return AudioErrors.PendingLimit(limits.MaxPendingMinutesPerOwner);
        }

        var used = await db.AudioFiles.SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        if (used + audio.SizeBytes > limits.QuotaBytesPerUser)
        {
            return AudioErrors.QuotaExceeded(limits.QuotaBytesPerUser);
        }

        var id = Guid.CreateVersion7();
        var key = storage.Commit(audio, caller.Id, id, media.Container);
        fileSteps.UndoUnlessCommitted(() => storage.Delete(key));
        var now = clock.GetUtcNow();
        var file = new AudioFile(id, caller.Id, key, media.Container, media.Codec, audio.SizeBytes, media.Duration, audio.Sha256, now)
        {
            OriginalName = details.OriginalName,
            Title = details.Title,
            OnDeviceTranscript = details.OnDeviceTranscript,
            OnDeviceTranscriptLanguage = details.OnDeviceTranscriptLanguage,
            RecordedAt = details.RecordedAt ?? now,
            IdempotencyKey = received.IdempotencyKey,
        };
        db.AudioFiles.Add(file);
        ProcessRecording.Enqueue(jobs, db, file, details.Engine, now);
        db.Publish(new AudioUploaded(id, caller.Id.Value, audio.SizeBytes, media.Duration.TotalSeconds, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new UploadOutcome(AudioFileDto.From(file), Created: true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request with the same bytes or key won: answer with its item. The failed insert
            // was rolled back to its savepoint, so the transaction reads on.
            storage.Delete(key);
            db.ChangeTracker.Clear();
            var winner = await db.AudioFiles.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Sha256 == audio.Sha256 || (received.IdempotencyKey != null && a.IdempotencyKey == received.IdempotencyKey), cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new UploadOutcome(AudioFileDto.From(winner), Created: false);
        }
    }
}
