using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Admin;

/// <summary>A processing job as an operator sees it (no payload contents beyond the ids).</summary>
internal sealed record AdminJobDto(
    Guid Id, string Kind, Guid? OwnerId, JobStatus Status, string? Stage, int Progress, int Attempts, int MaxAttempts, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt)
{
    public static AdminJobDto From(JobRecord j) =>
        new(j.Id, j.Kind, j.OwnerId, j.Status, j.Stage, j.Progress, j.Attempts, j.MaxAttempts, j.Error, j.CreatedAt, j.UpdatedAt, j.FinishedAt);
}

internal sealed record AdminJobPage(IReadOnlyList<AdminJobDto> Items, int Page, int Size, long Total);

/// <summary>The operator's view of the audio job queue: list by status, and retry a failed or cancelled job.</summary>
internal sealed class AdminJobs(AudioDbContext db, JobQueue<AudioDbContext> queue)
{
    public static readonly Error NotFound = Error.NotFound("jobs.not_found", "No such job.");
    public static readonly Error NotRetryable = Error.Conflict("jobs.not_retryable", "Only a failed or cancelled job can be retried.");

    public async Task<AdminJobPage> ListAsync(JobStatus? status, int page, int size, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        size = Math.Clamp(size, 1, 100);
        var query = db.Jobs.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(j => j.Status == wanted);
        }

        var total = await query.LongCountAsync(ct);
        var jobs = await query.OrderByDescending(j => j.UpdatedAt).ThenBy(j => j.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new AdminJobPage([.. jobs.Select(AdminJobDto.From)], page, size, total);
    }

    /// <summary>Pending again with a fresh set of attempts; the stages its earlier runs saved are reused.</summary>
    public async Task<Result<AdminJobDto>> RetryAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Jobs.AnyAsync(j => j.Id == id, ct))
        {
            return NotFound;
        }

        if (!await queue.RetryAsync(id, ct))
        {
            return NotRetryable;
        }

        return AdminJobDto.From(await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct));
    }
}
