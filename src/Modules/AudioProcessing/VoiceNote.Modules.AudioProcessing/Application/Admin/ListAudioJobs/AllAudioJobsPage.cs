using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;

namespace VoiceNote.Modules.AudioProcessing.Application.Admin.ListAudioJobs;

/// <summary>Every user's processing jobs, or those of one status: what the admin list's total counts.</summary>
internal sealed class AllAudioJobs : Specification<JobRecord>
{
    public AllAudioJobs(JobStatus? status) => Query.OfStatus(status);
}

/// <summary>
/// One keyset page of <see cref="AllAudioJobs"/>, most recently changed first: the rows after the cursor
/// and one more than the limit. A job that changes during a walk moves to the front, where the walk has been.
/// </summary>
internal sealed class AllAudioJobsPage : Specification<JobRecord>
{
    public AllAudioJobsPage(JobStatus? status, TimePosition? after, int limit)
    {
        Query.OfStatus(status).OrderByDescending(j => j.UpdatedAt).ThenByDescending(j => j.Id);
        if (after is not null)
        {
            Query.Where(j => EF.Functions.LessThan(ValueTuple.Create(j.UpdatedAt, j.Id), ValueTuple.Create(after.At, after.Id)));
        }

        Query.Take(limit + 1);
    }
}

internal static class AudioJobListing
{
    /// <summary>The jobs of one status, or all when none is given.</summary>
    public static ISpecificationBuilder<JobRecord> OfStatus(this ISpecificationBuilder<JobRecord> query, JobStatus? status)
    {
        if (status is { } wanted)
        {
            query.Where(j => j.Status == wanted);
        }

        return query;
    }
}
