using VoiceNote.Application.Jobs;
using VoiceNote.Application.Paging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.Operations.Application.Jobs;

/// <summary>
/// Every module's queue behind one list (docs/decisions/0090): the queues are the shared infrastructure's
/// <see cref="IJobQueue"/>s, so Operations reads no module's tables itself. A page asks each queue for its next
/// rows after the cursor and merges them newest first; (created at, id) orders all queues alike.
/// </summary>
internal sealed class JobQueues(IEnumerable<IJobQueue> queues)
{
    private readonly IReadOnlyList<IJobQueue> _all = [.. queues.OrderBy(q => q.Name, StringComparer.Ordinal)];

    public IEnumerable<string> Names => _all.Select(q => q.Name);

    public async Task<Result<Page<OperatorJobDto>>> PageAsync(
        string? queue, string? kind, JobStatus? status, DateTimeOffset? createdFrom, DateTimeOffset? createdTo, PageQuery page, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var chosen = _all.Where(q => queue is null || q.Name == queue).ToList();
        if (chosen.Count == 0)
        {
            return JobErrors.UnknownQueue(Names);
        }

        var filter = new JobFilter(kind, status, createdFrom, createdTo, after is null ? null : (after.At, after.Id), page.Limit + 1);
        var rows = new List<OperatorJobDto>();
        foreach (var one in chosen)
        {
            rows.AddRange((await one.ListAsync(filter, cancellationToken)).Select(j => OperatorJobDto.From(one.Name, j)));
        }

        var merged = rows.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(page.Limit + 1).ToList();
        long? total = page.CountsTotal ? await CountAsync(chosen, filter, cancellationToken) : null;
        return KeysetPage.From(merged, page.Limit, last => new TimePosition(last.CreatedAt, last.Id).Encode(), total);
    }

    /// <summary>The queue that holds the job, and the job; null when no queue does.</summary>
    public async Task<(IJobQueue Queue, JobRecord Job)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var queue in _all)
        {
            if (await queue.FindAsync(id, cancellationToken) is { } job)
            {
                return (queue, job);
            }
        }

        return null;
    }

    private static async Task<long> CountAsync(IEnumerable<IJobQueue> chosen, JobFilter filter, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var queue in chosen)
        {
            total += await queue.CountAsync(filter with { After = null }, cancellationToken);
        }

        return total;
    }
}
