using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.Files;

/// <summary>The caller's recordings (the owner filter hides everyone else's: another user's id is simply not found).</summary>
internal sealed class AudioLibrary(AudioDbContext db, IAudioStorage storage, JobQueue<AudioDbContext> jobs, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<Result<AudioFileDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var file = await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return file is null ? AudioErrors.NotFound : AudioFileDto.From(file);
    }

    public async Task<AudioPage> ListAsync(int page, int size, bool archived, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        size = Math.Clamp(size, 1, MaxPageSize);
        var query = db.AudioFiles.AsNoTracking().Where(a => a.IsArchived == archived);
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new AudioPage([.. items.Select(AudioFileDto.From)], page, size, total);
    }

    public async Task<Result<(string Path, string Format)>> ContentAsync(Guid id, CancellationToken ct)
    {
        var file = await db.AudioFiles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        var path = storage.PathOf(file.StorageKey);
        return File.Exists(path) ? (path, file.Format) : AudioErrors.NotFound;
    }

    public async Task<Result> DeleteAsync(Guid id, CancellationToken ct)
    {
        var file = await db.AudioFiles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        // Row first (its transcript and analysis versions go with it): a crash between the two leaves an
        // orphan file (swept later), never a row without its file. A job still queued has nothing left to do.
        db.AudioFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        if (file.ProcessingJobId is { } job)
        {
            await jobs.CancelAsync(job, ct);
        }

        storage.Delete(file.StorageKey);
        storage.DeleteWork(file.Id);
        return Result.Success();
    }

    public async Task<Result<AudioFileDto>> SetArchivedAsync(Guid id, bool archived, string? reason, CancellationToken ct)
    {
        var file = await db.AudioFiles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (file is null)
        {
            return AudioErrors.NotFound;
        }

        if (reason is { Length: > 500 })
        {
            return AudioErrors.InvalidField("reason", "The archive reason is at most 500 characters.");
        }

        if (file.IsArchived == archived)
        {
            return AudioFileDto.From(file);
        }

        var oldKey = file.StorageKey;
        var newKey = archived ? storage.Archive(oldKey) : storage.Restore(oldKey);
        file.StorageKey = newKey;
        file.IsArchived = archived;
        file.ArchiveReason = archived ? reason : null;
        file.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Put the file back where the unchanged row says it is.
            _ = archived ? storage.Restore(newKey) : storage.Archive(newKey);
            throw;
        }

        return AudioFileDto.From(file);
    }
}

internal sealed record AudioPage(IReadOnlyList<AudioFileDto> Items, int Page, int Size, long Total);
